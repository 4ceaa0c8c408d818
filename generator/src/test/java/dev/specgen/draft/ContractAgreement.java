package dev.specgen.draft;

import dev.specgen.contract.Contract;
import dev.specgen.contract.Operation;
import dev.specgen.contract.SchemaView;
import dev.specgen.load.YMap;
import dev.specgen.load.YNode;
import dev.specgen.load.YScalar;
import dev.specgen.modeldoc.FieldType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where a proposed model.yaml says something about a field that the contract's schemas say otherwise:
 * a type of another OpenAPI form, a nullability the response does not have, a bound or an enum that
 * differs, a property of a row or body with no field. Read from every binding, live or proposed.
 */
final class ContractAgreement {
    private ContractAgreement() {
    }

    static List<String> problems(Contract contract, YMap model) {
        List<String> problems = new ArrayList<>();
        YMap entities = model.map("entities").orElseThrow();
        for (Map.Entry<String, YNode> binding : model.map("operations").orElseThrow().entries().entrySet()) {
            Operation operation = contract.operationsByKey().get(binding.getKey());
            YMap node = (YMap) binding.getValue();
            if (operation == null) {
                problems.add(binding.getKey() + " is no operation of the contract");
                continue;
            }
            Optional<YMap> entity = node.text("entity").flatMap(entities::map);
            String action = node.text("action").orElse("");
            if (entity.isEmpty() || "aggregate".equals(action)) {
                continue;
            }
            YMap fields = entity.get().map("fields").orElseThrow();
            row(contract, operation, node).ifPresent(row -> check(row, fields, true, binding.getKey() + " response",
                    problems));
            if (List.of("create", "update", "replace").contains(action)) {
                operation.requestSchema().flatMap(s -> SchemaView.of(contract, s))
                        .ifPresent(body -> check(body, fields, false, binding.getKey() + " body", problems));
            }
        }
        return problems;
    }

    /** The schema of one row of a binding's response: through its envelope, array or page. */
    private static Optional<SchemaView> row(Contract contract, Operation operation, YMap binding) {
        Optional<SchemaView> schema = operation.successResponses().values().stream().findFirst()
                .flatMap(operation::jsonSchemaOf).flatMap(s -> SchemaView.of(contract, s));
        Optional<String> member = binding.map("response").flatMap(r -> r.text("rows").or(() -> r.text("row")));
        if (member.isPresent()) {
            for (String part : member.get().split("\\.")) {
                schema = schema.flatMap(s -> s.property(part));
            }
        } else if (schema.flatMap(s -> s.property("items")).isPresent() && binding.has("page")) {
            schema = schema.flatMap(s -> s.property("items"));
        }
        if (schema.filter(s -> "array".equals(s.type().orElse(""))).isPresent()) {
            schema = schema.flatMap(SchemaView::items);
        }
        return schema;
    }

    private static void check(SchemaView schema, YMap fields, boolean response, String where, List<String> problems) {
        for (String name : schema.properties().keySet()) {
            Optional<YMap> field = fields.map(name);
            Optional<SchemaView> property = schema.property(name);
            if (property.isEmpty()) {
                continue;
            }
            if (field.isEmpty()) {
                problems.add(where + ": property " + name + " has no field");
                continue;
            }
            SchemaView p = property.get();
            Optional<String> type = field.get().text("type");
            if (type.isPresent() && !FieldType.of(type.get()).matches(p.type().orElse(""), p.format())) {
                problems.add(where + ": " + name + " is " + p.types() + p.format().map(f -> "/" + f).orElse("")
                        + " but the field is " + type.get());
            }
            if (response && p.nullable() != field.get().flag("nullable")) {
                problems.add(where + ": " + name + " nullable " + p.nullable() + " but the field says "
                        + field.get().flag("nullable"));
            }
            compare(p, field.get(), "minLength", "min_length", where + ": " + name, problems);
            compare(p, field.get(), "maxLength", "max_length", where + ": " + name, problems);
            compare(p, field.get(), "minimum", "minimum", where + ": " + name, problems);
            compare(p, field.get(), "maximum", "maximum", where + ": " + name, problems);
            // A decimal's pattern spells its digits as text; the model says them as precision and scale.
            boolean decimal = "decimal".equals(field.get().text("type").orElse(""));
            p.text("pattern").filter(x -> !decimal && !x.equals(field.get().text("pattern").orElse(null)))
                    .ifPresent(x -> problems.add(where + ": " + name + " pattern differs"));
            if (p.hasEnum()) {
                List<String> values = field.get().seq("values").map(s -> s.items().stream()
                        .map(i -> ((YScalar) i).text()).toList()).orElse(List.of());
                if (!new LinkedHashSet<>(values).equals(new LinkedHashSet<>(p.enumValues()))) {
                    problems.add(where + ": " + name + " enum " + p.enumValues() + " but values " + values);
                }
            }
        }
    }

    private static void compare(SchemaView p, YMap field, String keyword, String key, String where,
            List<String> problems) {
        Optional<BigDecimal> contract = p.number(keyword);
        Optional<BigDecimal> model = field.scalar(key).flatMap(YScalar::number);
        if (contract.isPresent() && (model.isEmpty() || contract.get().compareTo(model.get()) != 0)) {
            problems.add(where + " " + keyword + " " + contract.get() + " but " + key + " " + model.orElse(null));
        }
    }
}
