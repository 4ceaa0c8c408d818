package dev.specgen.resolve;

import java.util.List;

/** An aggregate route's columns: the group fields, then the measures, each with how it becomes JSON. */
public final class AggregateModel {
    public final List<Column> groups;
    public final List<Column> measures;

    AggregateModel(List<Column> groups, List<Column> measures) {
        this.groups = List.copyOf(groups);
        this.measures = List.copyOf(measures);
    }

    /** One result property: its key, the SQL column it reads, its function, and its JSON conversion. */
    public static final class Column {
        public final String keyLiteral;
        public final String columnLiteral;
        public final String function;
        public final boolean isCount;
        /** str() for UUIDs and decimals the contract sends as text; float() for JSON numbers; isoformat for dates. */
        public final boolean asText;
        public final boolean asFloat;
        public final boolean asIso;
        public final boolean asIs;
        /** Its position in the result row: the groups come first, then the measures. */
        public final int index;

        Column(String key, String column, String function, String conversion, int index) {
            this.index = index;
            this.keyLiteral = PyLiteral.str(key);
            this.columnLiteral = column == null ? null : PyLiteral.str(column);
            this.function = function;
            this.isCount = "count".equals(function);
            this.asText = "text".equals(conversion);
            this.asFloat = "float".equals(conversion);
            this.asIso = "iso".equals(conversion);
            this.asIs = !asText && !asFloat && !asIso;
        }
    }
}
