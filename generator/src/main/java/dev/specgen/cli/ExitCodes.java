package dev.specgen.cli;

/** specgen's exit codes, documented in the README. */
public final class ExitCodes {
    public static final int OK = 0;
    /** Blockers found, or (for check) the output is out of date. */
    public static final int BLOCKED = 1;
    /** Bad usage or an I/O problem the user can fix. */
    public static final int USAGE = 2;
    /** A defect in specgen itself. */
    public static final int INTERNAL = 3;

    private ExitCodes() {
    }
}
