package dev.specgen.load;

import java.nio.file.Path;

/** A 1-based position in a source file, as users and editors count. */
public record Mark(Path file, int line, int column) {
    public static Mark startOf(Path file) {
        return new Mark(file, 1, 1);
    }
}
