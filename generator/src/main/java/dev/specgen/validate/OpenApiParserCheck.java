package dev.specgen.validate;

import dev.specgen.contract.Contract;
import dev.specgen.diagnostics.Diagnostics;
import dev.specgen.diagnostics.Rule;
import dev.specgen.load.Mark;
import dev.specgen.load.SourceFile;
import dev.specgen.load.YMap;
import dev.specgen.load.YNode;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs swagger-parser for the structural checks it knows, and maps its pseudo-path messages
 * ({@code attribute paths.'/a'(get).responses is missing}) onto the nearest marked node.
 */
public final class OpenApiParserCheck {
    private static final Pattern PATH_AND_METHOD = Pattern.compile("paths\\.'([^']*)'(?:\\((\\w+)\\))?");

    /** False when the document is not OpenAPI 3.x: later checks would only add noise. */
    public boolean check(SourceFile source, Contract contract, Diagnostics diagnostics) {
        YMap root = contract.root();
        Optional<String> version = contract.version();
        if (version.isEmpty() || !version.get().matches("3\\.[01]\\.\\d+")) {
            YNode at = root.get("openapi").or(() -> root.get("swagger")).orElse(root);
            String found = root.has("swagger") ? "Swagger " + root.text("swagger").orElse("?")
                    : version.map(v -> "openapi: " + v).orElse("no 'openapi' version field");
            diagnostics.report(Rule.OPENAPI_VERSION, at, source.displayPath() + " is not an OpenAPI 3.0/3.1"
                    + " document (" + found + ")", "an OpenAPI 3.0.x or 3.1.x contract");
            return false;
        }
        ParseOptions options = new ParseOptions();
        options.setResolve(false);
        SwaggerParseResult result = new OpenAPIParser().readContents(source.text(), null, options);
        List<String> messages = result.getMessages() == null ? List.of() : result.getMessages();
        for (String message : messages.stream().filter(OpenApiParserCheck::notCoveredBySpecgen).sorted().toList()) {
            Place at = locate(message, contract);
            diagnostics.report(Rule.OPENAPI_INVALID, at.mark(), at.pointer(),
                    "the OpenAPI parser reports: " + message.replaceAll("\\s+", " ").trim(),
                    "a structurally valid OpenAPI document");
        }
        return true;
    }

    /**
     * What specgen's own checks report with a better place and words is left out: unresolved
     * references, repeated operationIds, types that are not a string (a 3.1 type list in 3.0, a
     * misspelt or non-text type), and path parameters without required: true.
     */
    private static boolean notCoveredBySpecgen(String message) {
        return !message.contains("#/")
                && !message.matches("(?s).*\\.operationId is repeated.*")
                && !message.matches("(?s).*\\.type is not of type `string`.*")
                && !message.matches("(?s).*For path parameter .* the required value should be true.*");
    }

    /** Where a parser message points: the deepest node its pseudo-path reaches, at that node's key. */
    private record Place(Mark mark, String pointer) {
    }

    private static Place locate(String message, Contract contract) {
        YMap root = contract.root();
        Matcher matcher = PATH_AND_METHOD.matcher(message);
        if (matcher.find()) {
            Optional<YMap> paths = root.map("paths");
            Optional<YMap> pathItem = paths.flatMap(p -> p.map(matcher.group(1)));
            if (pathItem.isPresent()) {
                String method = matcher.group(2);
                Optional<YMap> op = method == null ? Optional.empty()
                        : pathItem.get().map(method.toLowerCase(Locale.ROOT));
                if (op.isPresent()) {
                    Place at = new Place(pathItem.get().keyMark(method.toLowerCase(Locale.ROOT)), op.get().pointer());
                    String rest = message.substring(matcher.end());
                    return rest.startsWith(".") ? deepest(op.get(), at, rest.substring(1).split("\\s")[0]) : at;
                }
                return new Place(paths.get().keyMark(matcher.group(1)), pathItem.get().pointer());
            }
        }
        Matcher dotted = DOTTED_PATH.matcher(message);
        if (dotted.find()) {
            return deepest(root, new Place(root.mark(), ""), dotted.group(1));
        }
        return new Place(root.mark(), "");
    }

    private static final Pattern DOTTED_PATH = Pattern.compile(
            "(?<![\\w.])((?:components|paths|info|servers|security|tags|webhooks|externalDocs)(?:\\.[^\\s.]+)*)");

    /**
     * The deepest node a dotted path of the parser's reaches from a start ("components.schemas.Task");
     * keys that contain dots themselves are matched by trying the longest run of segments first.
     */
    private static Place deepest(YMap start, Place startPlace, String path) {
        String[] segments = path.split("\\.");
        YNode current = start;
        Place place = startPlace;
        int i = 0;
        while (i < segments.length && current instanceof YMap map) {
            boolean found = false;
            for (int j = segments.length; j > i && !found; j--) {
                String key = String.join(".", java.util.Arrays.copyOfRange(segments, i, j));
                if (map.has(key)) {
                    current = map.get(key).orElseThrow();
                    place = new Place(map.keyMark(key), current.pointer());
                    i = j;
                    found = true;
                }
            }
            if (!found) {
                break;
            }
        }
        return place;
    }
}
