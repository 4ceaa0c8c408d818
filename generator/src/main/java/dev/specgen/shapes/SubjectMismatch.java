package dev.specgen.shapes;

import dev.specgen.contract.Operation;
import java.util.List;

/**
 * What a path user id that is not the caller answers, for declarative routes and doors alike: the
 * operation's 403 where it declares one; else its 404 (another user's collection looks like a missing
 * one); else, where it declares only a 401 for it (spec-driven-fullstack-todo's "User ID mismatch"),
 * that 401 with {@code WWW-Authenticate: Bearer}; else a 404, which SG215 then asks the contract for.
 */
public final class SubjectMismatch {
    private SubjectMismatch() {
    }

    /** The status: 403, 404 or 401. */
    public static int status(Operation operation) {
        for (String status : List.of("403", "404", "401")) {
            if (operation.declaresStatus(status)) {
                return Integer.parseInt(status);
            }
        }
        return 404;
    }
}
