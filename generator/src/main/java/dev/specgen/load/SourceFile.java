package dev.specgen.load;

import java.nio.file.Path;

/**
 * A spec file as read from disk. {@code displayPath} is what users see in messages (relative to the
 * working directory when possible); {@code path} is where it was read from.
 */
public record SourceFile(Path path, Path displayPath, String text) {
}
