package dev.specgen.validate;

import dev.specgen.contract.Contract;
import dev.specgen.diagnostics.Diagnostics;
import dev.specgen.diagnostics.Rule;
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
        // What specgen's own checks report with a better place and words is left out: unresolved
        // references and repeated operationIds.
        for (String message : messages.stream().filter(m -> !m.contains("#/"))
                .filter(m -> !m.matches("(?s).*\\.operationId is repeated.*")).sorted().toList()) {
            diagnostics.report(Rule.OPENAPI_INVALID, locate(message, contract),
                    "the OpenAPI parser reports: " + message.replaceAll("\\s+", " ").trim(),
                    "a structurally valid OpenAPI document");
        }
        return true;
    }

    private static YNode locate(String message, Contract contract) {
        YMap root = contract.root();
        Matcher matcher = PATH_AND_METHOD.matcher(message);
        if (matcher.find()) {
            Optional<YMap> pathItem = root.map("paths").flatMap(p -> p.map(matcher.group(1)));
            if (pathItem.isPresent()) {
                String method = matcher.group(2);
                if (method != null) {
                    Optional<YMap> op = pathItem.get().map(method.toLowerCase(Locale.ROOT));
                    if (op.isPresent()) {
                        return op.get();
                    }
                }
                return pathItem.get();
            }
        }
        String lower = message.toLowerCase(Locale.ROOT);
        for (String section : List.of("components", "paths", "info", "servers", "security", "tags")) {
            if (lower.contains(" " + section + ".") || lower.contains(" " + section + " ")) {
                return root.get(section).orElse(root);
            }
        }
        return root;
    }
}
