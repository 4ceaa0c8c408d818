package dev.specgen.shapes;

import dev.specgen.contract.SchemaView;
import dev.specgen.diagnostics.Diagnostics;
import dev.specgen.diagnostics.Rule;
import dev.specgen.load.YNode;
import dev.specgen.resolve.Names;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Findings about a contract schema that does not have the shape a binding needs, worded after what the
 * schema actually is (a composition, an untyped or bare object, a page missing a member) and placed
 * where the change belongs.
 */
public final class SchemaShapes {
    private static final Set<String> PAGE_MEMBERS = Set.of("items", "total", "limit", "offset");

    private SchemaShapes() {
    }

    /**
     * True when a paged list's response is an object with exactly items, total, limit and offset, all
     * required; otherwise reports what it lacks. A schema that is not an object at all is reported at
     * its reference (the wrong schema is named); an object that falls short at its definition, since
     * that is what to change wherever it is referenced.
     */
    public static boolean isPage(SchemaView schema, String label, String entity, Diagnostics diagnostics) {
        String wanted = "type: object with required properties items (array of " + entity
                + "), total, limit and offset (integers)";
        if (!"object".equals(schema.type().orElse(""))) {
            diagnostics.report(Rule.LIST_SHAPE, schema.site(), "the response of " + label + " is not a page object",
                    wanted);
            return false;
        }
        String page = schema.componentName().map(n -> n + ", the page schema of " + label + ",")
                .orElse("the page schema of " + label);
        Set<String> missing = new TreeSet<>(PAGE_MEMBERS);
        missing.removeAll(schema.properties().keySet());
        Set<String> extra = new TreeSet<>(schema.properties().keySet());
        extra.removeAll(PAGE_MEMBERS);
        if (!missing.isEmpty() || !extra.isEmpty()) {
            diagnostics.report(Rule.LIST_SHAPE, schema.node().keyMark("properties"), schema.node().pointer()
                    + "/properties", page + (missing.isEmpty() ? "" : " lacks " + String.join(", ", missing))
                    + (!missing.isEmpty() && !extra.isEmpty() ? " and" : "")
                    + (extra.isEmpty() ? "" : " has " + String.join(", ", extra) + ", which a page does not"), wanted);
            return false;
        }
        Set<String> optional = new TreeSet<>(PAGE_MEMBERS);
        optional.removeAll(schema.required());
        if (!optional.isEmpty()) {
            diagnostics.report(Rule.LIST_SHAPE, schema.node().get("required").orElse(schema.node()), page
                    + " does not require " + String.join(", ", optional), "required: [items, total, limit, offset]");
            return false;
        }
        return true;
    }

    /** A schema that should carry an entity's fields but is not an object with properties. */
    public static void notAnEntityObject(SchemaView schema, String what, String entity, Rule shapeRule,
            Diagnostics diagnostics) {
        String wanted = "type: object with properties naming fields of " + entity;
        Optional<String> combinator = Stream.of("allOf", "oneOf", "anyOf").filter(schema.node()::has).findFirst();
        if (combinator.isPresent()) {
            String why = "allOf".equals(combinator.get()) ? ", whose parts do not merge into one object (a property"
                    + " two parts declare differently, a part that is not an object, or additionalProperties: false"
                    + " in a part while another adds properties, which no value satisfies)"
                    : ", which says one of several shapes, not one";
            diagnostics.report(Rule.PROPERTY_TYPE_MISSING, schema.node().get(combinator.get()).orElseThrow(), what
                    + " is composed with " + combinator.get() + why, wanted + ", written out as one schema");
        } else if (!schema.hasType()) {
            diagnostics.report(Rule.PROPERTY_TYPE_MISSING, schema.site(), what + " has no type", wanted);
        } else if ("object".equals(schema.type().orElse(""))) {
            diagnostics.report(shapeRule, schema.site(), what + " is an object without properties, so nothing says"
                    + " which fields of " + entity + " it carries", wanted);
        } else {
            diagnostics.report(shapeRule, schema.site(), what + " is " + String.join(" or ", schema.types())
                    + ", not an object", wanted);
        }
    }

    /**
     * A property with no field of that name. A name model.yaml refuses for fields (camelCase, SG305)
     * is not answered with "add a field" but with the snake_case name both sides could share.
     */
    public static void propertyWithoutField(YNode at, String property, String what, String entity,
            Diagnostics diagnostics) {
        if (property.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            diagnostics.report(Rule.PROPERTY_FIELD_MISSING, at, what + " has property '" + property + "', which is not"
                    + " a field of " + entity, "a field " + property + " in model.yaml, or remove the property");
            return;
        }
        String snake = Names.snake(property).replaceAll("[^a-z0-9_]", "_");
        diagnostics.report(Rule.PROPERTY_FIELD_MISSING, at, what + " has property '" + property + "', which is not a"
                + " field of " + entity + " and cannot become one (field names are ASCII letters, digits and"
                + " underscores)", "the property named"
                + " as a field, e.g. '" + snake + "' with a field " + snake + " in model.yaml, or remove the property");
    }
}
