package dev.specgen.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Where a spec folder's two files are: {@code model.yaml} beside an OpenAPI document in
 * {@code contracts/} (GitHub Spec Kit's layout), unless the user names them. Spec Kit no longer
 * promises that contracts/ holds OpenAPI, so the folder is searched, in name order, for the one
 * YAML or JSON file that is an OpenAPI document.
 */
public record SpecPaths(Path specDir, Path model, Path openapi, List<Path> contractCandidates,
        List<String> contractsListing) {
    static final List<String> CONTRACT_NAMES = List.of("openapi.yaml", "openapi.yml", "openapi.json");
    private static final Pattern OPENAPI_KEY = Pattern.compile("(?m)^\\s*[\"']?openapi[\"']?\\s*:");

    public static SpecPaths locate(Path specDir, Path modelOverride, Path openapiOverride) {
        Path model = modelOverride != null ? modelOverride : specDir.resolve("model.yaml");
        if (openapiOverride != null) {
            return new SpecPaths(specDir, model, openapiOverride, List.of(openapiOverride), List.of());
        }
        Path contracts = specDir.resolve("contracts");
        for (String name : CONTRACT_NAMES) {
            if (Files.isRegularFile(contracts.resolve(name))) {
                Path found = contracts.resolve(name);
                return new SpecPaths(specDir, model, found, List.of(found), List.of());
            }
        }
        List<Path> files = list(contracts);
        List<Path> candidates = files.stream().filter(SpecPaths::isOpenApi).toList();
        Path chosen = candidates.size() == 1 ? candidates.get(0) : contracts.resolve("openapi.yaml");
        return new SpecPaths(specDir, model, chosen, candidates,
                files.stream().map(p -> p.getFileName().toString()).toList());
    }

    /** True when the OpenAPI document to read is settled: named, conventional, or the only one found. */
    public boolean openapiFound() {
        return contractCandidates.size() == 1;
    }

    private static List<Path> list(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(dir)) {
            // Sorted by name: the answer must not depend on the order the file system lists them in.
            return entries.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static boolean isOpenApi(Path file) {
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (!(name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json"))) {
            return false;
        }
        try (var in = Files.newInputStream(file)) {
            String head = new String(in.readNBytes(8192), StandardCharsets.UTF_8);
            return OPENAPI_KEY.matcher(head).find();
        } catch (IOException e) {
            return false;
        }
    }

    /** A path as users should see it: relative to the working directory, with forward slashes. */
    public static Path display(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        Path cwd = Path.of("").toAbsolutePath().normalize();
        Path shown = absolute.startsWith(cwd) ? cwd.relativize(absolute) : absolute;
        return Path.of(shown.toString().replace('\\', '/'));
    }
}
