package dev.specgen.shapes;

import dev.specgen.contract.Contract;
import dev.specgen.contract.SchemaView;
import dev.specgen.load.YMap;
import dev.specgen.load.YNode;
import dev.specgen.shapes.ErrorShape.Fill;
import dev.specgen.shapes.ErrorShape.ItemFill;
import dev.specgen.shapes.ErrorShape.ItemSource;
import dev.specgen.shapes.ErrorShape.Source;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Recognises the error bodies teams declare (FastAPI's {detail}, {error: {code, message, details}},
 * {message, code}, RFC 9457 problem details, ...) by their property names and types, so the server
 * fills exactly the contract's shape. model.yaml's errors.fill names a source where names are not
 * enough; a required property nothing fills is reported, never invented.
 */
public final class ErrorShapes {
    public static final List<String> SOURCES = List.of("message", "code", "status", "title", "type", "instance",
            "request_id", "field_errors", "timestamp");

    private final Contract contract;
    private final Map<String, String> explicit;

    /** errors.fill of model.yaml: dotted property path to a source name, in file order. */
    public static Map<String, String> explicitFill(YMap modelRoot) {
        Map<String, String> fill = new java.util.LinkedHashMap<>();
        modelRoot.map("errors").flatMap(e -> e.map("fill"))
                .ifPresent(m -> m.entries().keySet().forEach(k -> fill.put(k, m.text(k).orElseThrow())));
        return fill;
    }

    /** @param explicit errors.fill of model.yaml: dotted path to a source name. */
    public ErrorShapes(Contract contract, Map<String, String> explicit) {
        this.contract = contract;
        this.explicit = explicit;
    }

    /** The media type and schema of an error response; empty schema when it declares no content. */
    public ErrorShape recognize(String name, YNode response) {
        Optional<YMap> content = contract.derefMap(response).flatMap(r -> r.map("content"));
        if (content.isEmpty() || content.get().entries().isEmpty()) {
            return new ErrorShape(name, null, List.of(), List.of(), List.of());
        }
        String mediaType = content.get().entries().keySet().stream().filter(ErrorShapes::isJson).findFirst()
                .orElse(content.get().entries().keySet().iterator().next());
        Optional<SchemaView> schema = content.get().map(mediaType).flatMap(m -> m.get("schema"))
                .flatMap(s -> SchemaView.of(contract, s));
        List<Fill> fills = new ArrayList<>();
        List<ItemFill> items = new ArrayList<>();
        List<String> unfilled = new ArrayList<>();
        ErrorShape.CodeEnum[] codes = new ErrorShape.CodeEnum[1];
        if (schema.isPresent() && schema.get().properties().isEmpty() && !schema.get().forbidsAdditional()
                && (schema.get().types().isEmpty() || schema.get().types().contains("object"))) {
            // A free-form object: FastAPI's own {detail: message} fits it and tells the client most.
            fills.add(new Fill(List.of("detail"), Source.MESSAGE, null));
        } else if (schema.isPresent()) {
            boolean problem = mediaType.equals("application/problem+json") || looksLikeProblem(schema.get());
            walk(schema.get(), List.of(), problem, fills, items, unfilled, codes);
        }
        return new ErrorShape(name, mediaType, List.copyOf(fills), List.copyOf(items), List.copyOf(unfilled),
                codes[0]);
    }

    static boolean isJson(String mediaType) {
        String lower = mediaType.toLowerCase(Locale.ROOT);
        return lower.equals("application/json") || lower.endsWith("+json");
    }

    private static boolean looksLikeProblem(SchemaView schema) {
        Map<String, YNode> properties = schema.properties();
        return properties.containsKey("title") && properties.containsKey("status");
    }

    private void walk(SchemaView schema, List<String> prefix, boolean problem, List<Fill> fills,
            List<ItemFill> items, List<String> unfilled, ErrorShape.CodeEnum[] codes) {
        for (Map.Entry<String, YNode> entry : schema.properties().entrySet()) {
            List<String> path = new ArrayList<>(prefix);
            path.add(entry.getKey());
            String dotted = String.join(".", path);
            Optional<SchemaView> property = SchemaView.of(contract, entry.getValue());
            boolean required = schema.required().contains(entry.getKey());
            if (property.isEmpty()) {
                continue;
            }
            Optional<Source> source = Optional.ofNullable(explicit.get(dotted)).map(ErrorShapes::source)
                    .or(() -> constant(property.get()).map(c -> Source.CONST))
                    .or(() -> byName(entry.getKey(), property.get(), problem));
            if (source.isPresent()) {
                String constant = source.get() == Source.CONST ? constant(property.get()).orElse("null") : null;
                fills.add(new Fill(List.copyOf(path), source.get(), constant));
                if (source.get() == Source.CODE && codes[0] == null && property.get().enumValues().size() > 1) {
                    // Every code the server sends is one of these (ErrorCodes chooses which).
                    codes[0] = new ErrorShape.CodeEnum(List.copyOf(path), property.get().enumValues(),
                            property.get().node().get("enum").orElse(property.get().node()));
                }
                if (source.get() == Source.FIELD_ERRORS) {
                    property.get().items().ifPresent(item -> itemFills(item, items));
                }
            } else if (property.get().types().contains("object") || !property.get().properties().isEmpty()) {
                int before = fills.size();
                walk(property.get(), path, problem, fills, items, unfilled, codes);
                if (fills.size() == before && required) {
                    unfilled.add(dotted);
                }
            } else if (required) {
                unfilled.add(dotted);
            }
        }
    }

    private static Source source(String name) {
        return Source.valueOf(name.toUpperCase(Locale.ROOT));
    }

    /** A constant member: const, a one-value enum, or a default. */
    private static Optional<String> constant(SchemaView schema) {
        return ConstantBody.constant(schema);
    }

    private static Optional<Source> byName(String name, SchemaView schema, boolean problem) {
        String key = name.toLowerCase(Locale.ROOT).replace("_", "").replace("-", "");
        List<String> types = schema.types();
        boolean text = types.isEmpty() || types.contains("string");
        boolean array = types.contains("array");
        boolean integer = types.contains("integer") || types.contains("number");
        if (array && List.of("detail", "details", "errors", "fielderrors", "violations", "fields", "issues",
                "invalidparams", "validationerrors").contains(key)) {
            return Optional.of(Source.FIELD_ERRORS);
        }
        if (integer && List.of("status", "statuscode", "httpstatus", "code").contains(key)) {
            return Optional.of(Source.STATUS);
        }
        if (!text) {
            return Optional.empty();
        }
        return switch (key) {
            case "message", "msg", "detail", "description", "errordescription", "errormessage", "reason" ->
                Optional.of(Source.MESSAGE);
            case "code", "errorcode", "error" -> Optional.of(Source.CODE);
            case "title" -> Optional.of(problem ? Source.TITLE : Source.MESSAGE);
            case "type" -> Optional.of(problem ? Source.TYPE : Source.CODE);
            case "instance", "path" -> Optional.of(Source.INSTANCE);
            case "requestid", "traceid", "correlationid" -> Optional.of(Source.REQUEST_ID);
            case "timestamp", "time" -> Optional.of(Source.TIMESTAMP);
            default -> Optional.empty();
        };
    }

    private void itemFills(SchemaView item, List<ItemFill> into) {
        if (item.properties().isEmpty() && !item.forbidsAdditional()) {
            // Free-form items: FastAPI's own {loc, msg, type}.
            into.add(new ItemFill("loc", ItemSource.LOC));
            into.add(new ItemFill("msg", ItemSource.MESSAGE));
            into.add(new ItemFill("type", ItemSource.CODE));
            return;
        }
        for (Map.Entry<String, YNode> entry : item.properties().entrySet()) {
            String key = entry.getKey().toLowerCase(Locale.ROOT).replace("_", "");
            Optional<SchemaView> property = SchemaView.of(contract, entry.getValue());
            boolean array = property.map(p -> p.types().contains("array")).orElse(false);
            ItemSource source = switch (key) {
                case "pointer", "jsonpointer" -> ItemSource.POINTER;
                case "loc", "location" -> array ? ItemSource.LOC : ItemSource.FIELD;
                case "field", "name", "param", "parameter", "path", "property", "attribute" ->
                    array ? ItemSource.LOC : ItemSource.FIELD;
                case "message", "msg", "detail", "description", "reason" -> ItemSource.MESSAGE;
                case "code", "type", "kind", "rule" -> ItemSource.CODE;
                default -> null;
            };
            if (source != null) {
                into.add(new ItemFill(entry.getKey(), source));
            }
        }
    }
}
