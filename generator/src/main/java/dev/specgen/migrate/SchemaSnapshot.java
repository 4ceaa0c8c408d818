package dev.specgen.migrate;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/** Every table specgen migrates, by name. External tables are never part of it. */
public record SchemaSnapshot(Map<String, TableSchema> tables) {
    public static final SchemaSnapshot EMPTY = new SchemaSnapshot(Map.of());

    public SchemaSnapshot {
        tables = Collections.unmodifiableMap(new TreeMap<>(tables));
    }
}
