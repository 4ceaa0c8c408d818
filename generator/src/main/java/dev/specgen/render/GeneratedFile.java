package dev.specgen.render;

/** One output file: a path relative to the output folder, with forward slashes, and its text. */
public record GeneratedFile(String path, String content) {
}
