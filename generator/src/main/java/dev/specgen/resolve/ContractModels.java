package dev.specgen.resolve;

import dev.specgen.contract.Contract;
import dev.specgen.contract.SchemaView;
import dev.specgen.load.YNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Typed pydantic classes for contract schemas, under the contract's own names (a component's name,
 * else the operation's name and the role). They carry types, not constraints: a body is validated
 * against the contract's schema itself before it is parsed, so the classes never disagree with it.
 */
final class ContractModels {
    private final Contract contract;
    private final Map<String, ClassModel> classes = new LinkedHashMap<>();
    private final Map<String, String> byPointer = new LinkedHashMap<>();
    private final java.util.Set<String> reserved = new java.util.HashSet<>();
    /** Names the module imports or defines besides these classes: a contract name among them is not used. */
    private final java.util.function.Predicate<String> taken;

    ContractModels(Contract contract, java.util.function.Predicate<String> taken) {
        this.contract = contract;
        this.taken = taken;
    }

    List<ClassModel> classes() {
        return List.copyOf(classes.values());
    }

    /** The Python annotation of a schema, declaring the classes it needs under names from {@code name}. */
    String annotation(YNode site, String name) {
        Optional<SchemaView> schema = SchemaView.of(contract, site);
        if (schema.isEmpty()) {
            return "Any";
        }
        String type = annotation(schema.get(), name);
        return schema.get().nullable() ? type + " | None" : type;
    }

    private String annotation(SchemaView schema, String name) {
        if (schema.node().seq("allOf").isPresent()) {
            return declare(schema, name); // one class with every member's properties
        }
        for (String keyword : List.of("oneOf", "anyOf")) {
            Optional<dev.specgen.load.YSeq> members = schema.node().seq(keyword);
            if (members.isPresent() && !members.get().items().isEmpty()) {
                java.util.LinkedHashSet<String> union = new java.util.LinkedHashSet<>();
                int i = 1;
                for (YNode member : members.get().items()) {
                    union.add(annotation(member, name + "Option" + i++));
                }
                return String.join(" | ", union);
            }
        }
        List<String> types = schema.types();
        List<String> values = schema.enumValues();
        if (!values.isEmpty() && (types.isEmpty() || types.equals(List.of("string")))) {
            return "Literal[" + String.join(", ", values.stream().map(PyLiteral::str).toList()) + "]";
        }
        String single = types.size() == 1 ? types.get(0) : "";
        return switch (single) {
            case "string" -> switch (schema.format().orElse("")) {
                case "date" -> "datetime.date";
                case "date-time" -> "datetime.datetime";
                case "uuid" -> "uuid.UUID";
                default -> "str";
            };
            case "integer" -> "int";
            case "number" -> "float";
            case "boolean" -> "bool";
            case "array" -> "list[" + schema.items().map(i -> annotation(i, name + "Item")).orElse("Any") + "]";
            case "object" -> schema.properties().isEmpty() ? "dict[str, Any]" : declare(schema, name);
            default -> schema.properties().isEmpty() ? "Any" : declare(schema, name);
        };
    }

    private String declare(SchemaView schema, String fallback) {
        String pointer = schema.node().pointer();
        String known = byPointer.get(pointer);
        if (known != null) {
            return known;
        }
        // A component's name, unless the module imports or defines it (a table, Field): then the derived one.
        String name = schema.componentName().map(ContractModels::className).filter(n -> !taken.test(n))
                .orElse(fallback);
        String unique = name;
        for (int i = 2; classes.containsKey(unique) || reserved.contains(unique) || taken.test(unique); i++) {
            unique = name + i;
        }
        byPointer.put(pointer, unique);
        List<FieldDecl> fields = new ArrayList<>();
        reserved.add(unique); // while its properties declare the classes they need, before it
        Map<String, YNode> properties = new LinkedHashMap<>();
        java.util.Set<String> requiredNames = new java.util.LinkedHashSet<>();
        merge(schema, properties, requiredNames, 0);
        for (Map.Entry<String, YNode> property : properties.entrySet()) {
            String wire = property.getKey();
            String attribute = Names.attribute(Names.snake(wire).replaceAll("[^A-Za-z0-9_]", "_"));
            if (attribute.isEmpty() || Character.isDigit(attribute.charAt(0))) {
                attribute = "field_" + attribute;
            }
            String type = annotation(property.getValue(), unique + className(wire));
            boolean required = requiredNames.contains(wire);
            if (!required && !type.endsWith("| None")) {
                type = type + " | None"; // left out: None, and left out again when the model is dumped
            }
            fields.add(new FieldDecl(attribute, type, !required, attribute.equals(wire) ? null : PyLiteral.str(wire)));
        }
        classes.put(unique, new ClassModel(unique, fields, schema.forbidsAdditional()));
        return unique;
    }

    /** The properties and required names of a schema and of every allOf member it has, in order. */
    private void merge(SchemaView schema, Map<String, YNode> properties, java.util.Set<String> required, int depth) {
        if (depth > 16) {
            return;
        }
        schema.node().seq("allOf").ifPresent(members -> members.items().forEach(member -> SchemaView
                .of(contract, member).ifPresent(m -> merge(m, properties, required, depth + 1))));
        properties.putAll(schema.properties());
        required.addAll(schema.required());
    }

    static String className(String name) {
        StringBuilder out = new StringBuilder();
        for (String part : name.split("[^A-Za-z0-9]+")) {
            if (!part.isEmpty()) {
                out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        String result = out.length() == 0 ? "Model" : out.toString();
        return Character.isDigit(result.charAt(0)) ? "Model" + result : result;
    }

    /** One property: its attribute, its annotation, whether it may be left out, its wire name when it differs. */
    public static final class FieldDecl {
        public final String attribute;
        public final String annotation;
        public final boolean optional;
        public final String aliasLiteral;
        public final boolean aliased;
        public final boolean hasArgs;

        FieldDecl(String attribute, String annotation, boolean optional, String aliasLiteral) {
            this.attribute = attribute;
            this.annotation = annotation;
            this.optional = optional;
            this.aliasLiteral = aliasLiteral;
            this.aliased = aliasLiteral != null;
            this.hasArgs = optional || aliased;
        }
    }

    /** One generated class: its name, its fields, and whether unknown properties are refused. */
    public static final class ClassModel {
        public final String name;
        public final List<FieldDecl> fields;
        public final boolean forbidExtra;
        public final boolean hasFields;

        ClassModel(String name, List<FieldDecl> fields, boolean forbidExtra) {
            this.name = name;
            this.fields = List.copyOf(fields);
            this.forbidExtra = forbidExtra;
            this.hasFields = !fields.isEmpty();
        }
    }
}
