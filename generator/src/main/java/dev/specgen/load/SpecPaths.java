package dev.specgen.load;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Where a spec folder's two files are: {@code model.yaml} beside {@code contracts/openapi.yaml}
 * (Spec Kit's layout), unless the user names them.
 */
public record SpecPaths(Path specDir, Path model, Path openapi, boolean openapiFound) {
    static final List<String> CONTRACT_NAMES = List.of("openapi.yaml", "openapi.yml", "openapi.json");

    public static SpecPaths locate(Path specDir, Path modelOverride, Path openapiOverride) {
        Path model = modelOverride != null ? modelOverride : specDir.resolve("model.yaml");
        if (openapiOverride != null) {
            return new SpecPaths(specDir, model, openapiOverride, true);
        }
        Path contracts = specDir.resolve("contracts");
        Optional<Path> found = CONTRACT_NAMES.stream().map(contracts::resolve).filter(Files::isRegularFile)
                .findFirst();
        return new SpecPaths(specDir, model, found.orElse(contracts.resolve("openapi.yaml")), found.isPresent());
    }

    /** A path as users should see it: relative to the working directory, with forward slashes. */
    public static Path display(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        Path cwd = Path.of("").toAbsolutePath().normalize();
        Path shown = absolute.startsWith(cwd) ? cwd.relativize(absolute) : absolute;
        return Path.of(shown.toString().replace('\\', '/'));
    }
}
