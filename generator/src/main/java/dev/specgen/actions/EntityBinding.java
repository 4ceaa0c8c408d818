package dev.specgen.actions;

import dev.specgen.contract.Contract;
import dev.specgen.contract.Operation;
import dev.specgen.contract.SchemaView;
import dev.specgen.diagnostics.Diagnostics;
import dev.specgen.diagnostics.Rule;
import dev.specgen.load.YScalar;
import dev.specgen.modeldoc.BindingDoc;
import dev.specgen.modeldoc.EntityDoc;
import dev.specgen.modeldoc.FieldDoc;
import dev.specgen.modeldoc.ModelDoc;

/**
 * What an action's checks of an operation bound to an entity see, and the shared checks they call
 * (implemented by validate's EntityBindingChecks, which runs every binding's checks in one order).
 */
public interface EntityBinding {
    Contract contract();

    ModelDoc model();

    Operation operation();

    BindingDoc binding();

    EntityDoc entity();

    Diagnostics diagnostics();

    default String label() {
        return operation().label();
    }

    /** The action's name, as model.yaml spells it. */
    default String action() {
        return binding().action();
    }

    /**
     * Checks an object schema against the entity's fields, and that every operation of the entity uses
     * the same shape in this role (public, create, update). False when the schema is not an object at all.
     */
    boolean checkEntityObject(SchemaView schema, String role, String what, Rule shapeRule);

    /** Compares the type of a parameter or property with a field's. */
    void checkType(SchemaView schema, FieldDoc field, String what);

    /** The type check of a path parameter bound to a key field. */
    void checkPathKeyType(SchemaView schema, FieldDoc field, String what);

    /** Reports a name that is no field of the entity, unless model.yaml's schema check reported it. */
    void unknownField(YScalar name);

    /** Whether a field broke model.yaml's schema: reported already, never reported as missing. */
    boolean fieldBroken(String field);

    /** "a list", "an update": the word with its article. */
    static String an(String word) {
        return ("aeiou".indexOf(word.charAt(0)) >= 0 ? "an " : "a ") + word;
    }
}
