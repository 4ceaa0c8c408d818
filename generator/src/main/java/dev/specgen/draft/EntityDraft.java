package dev.specgen.draft;

import dev.specgen.contract.SchemaView;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One entity as inferred so far: its table, fields and the schemas of the contract that show it. */
final class EntityDraft {
    final String name;
    /** The users of register and login (AccountDrafts): owned by their own primary key. */
    boolean accounts;
    String table;
    String tableWhy;
    final Optional<DataModel.Section> section;
    final Optional<Prose> prose;
    /** Component names of the contract that are this entity's rows (Task; Profile for the user table). */
    final List<String> components = new ArrayList<>();
    final List<SchemaView> responses = new ArrayList<>();
    /** Bodies of creates and replaces: what a new row is made of. */
    final List<SchemaView> creates = new ArrayList<>();
    final List<SchemaView> updates = new ArrayList<>();
    final Map<String, FieldDraft> fields = new LinkedHashMap<>();
    boolean external;
    String externalWhy;
    final List<Group> uniques = new ArrayList<>();
    final List<Group> indexes = new ArrayList<>();
    /** The ownership decision and its suggested answer. */
    Decision ownership;
    Yaml.Block ownershipSuggestion;
    /** The live field the likely owner is (owner_field form), for indexes that start with it. */
    String likelyOwner;
    /** A public operation reads it, so it can only be shared. */
    boolean readPublicly;

    /** A composite unique constraint or index and where it was read. */
    record Group(List<String> fields, String why) {
    }

    EntityDraft(String name, Optional<DataModel.Section> section) {
        this.name = name;
        this.section = section;
        this.prose = section.map(Prose::new);
    }

    Optional<FieldDraft> field(String name) {
        return Optional.ofNullable(fields.get(name));
    }

    Optional<FieldDraft> primaryKey() {
        return fields.values().stream().filter(f -> f.primaryKey).findFirst();
    }

    /** A field the contract lacks (the owner), placed right after the primary key where readers look. */
    FieldDraft insertAfterKey(String name) {
        FieldDraft field = new FieldDraft(name);
        Map<String, FieldDraft> reordered = new LinkedHashMap<>();
        boolean placed = false;
        for (Map.Entry<String, FieldDraft> entry : fields.entrySet()) {
            reordered.put(entry.getKey(), entry.getValue());
            if (!placed && entry.getValue().primaryKey) {
                reordered.put(name, field);
                placed = true;
            }
        }
        if (!placed) {
            reordered.put(name, field);
        }
        fields.clear();
        fields.putAll(reordered);
        return field;
    }

    FieldDraft add(String name) {
        return fields.computeIfAbsent(name, FieldDraft::new);
    }
}
