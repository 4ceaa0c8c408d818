package dev.specgen.render;

/**
 * One output file: a path relative to the output folder, with forward slashes, and its text. A
 * user-owned file is a starting point written once when missing and never touched again.
 */
public record GeneratedFile(String path, String content, boolean userOwned) {
    public GeneratedFile(String path, String content) {
        this(path, content, false);
    }
}
