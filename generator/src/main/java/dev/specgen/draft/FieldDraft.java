package dev.specgen.draft;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** One field as inferred so far; every choice that is not read verbatim keeps a short "why". */
final class FieldDraft {
    final String name;
    /** The SQL column when it differs from the field name (emailVerified for email_verified). */
    String column;
    /** null while undecided: the field then carries a gap for its type. */
    String type;
    String typeWhy;
    boolean nullable;
    String nullableWhy;
    boolean primaryKey;
    String primaryKeyWhy;
    String generated;
    String generatedWhy;
    Object defaultValue;
    String defaultWhy;
    Integer minLength;
    Integer maxLength;
    String maxLengthWhy;
    BigDecimal minimum;
    BigDecimal maximum;
    String pattern;
    List<String> values;
    Integer precision;
    Integer scale;
    boolean unique;
    String uniqueWhy;
    boolean index;
    String indexWhy;
    String fkEntity;
    String fkField;
    String onDelete;
    String fkWhy;
    boolean readOnly;
    String readOnlyWhy;
    String description;
    /** In some schema of the contract (a response, a request body). */
    boolean inContract;
    /** Accepted by some request body. */
    boolean inRequests;
    /** Data-model notes the draft did not turn into keys, quoted above the field. */
    final List<String> notes = new ArrayList<>();
    /** Decisions left open on this field, with their suggested keys. */
    final List<FieldGap> gaps = new ArrayList<>();
    /** Written as a whole suggestion of a decision rather than live (an owner field the contract lacks). */
    Decision onlyWith;

    record FieldGap(Decision decision, Yaml.Block suggestion) {
    }

    FieldDraft(String name) {
        this.name = name;
    }

    boolean integral() {
        return "integer".equals(type) || "bigint".equals(type);
    }

    boolean serverSet() {
        return generated != null || readOnly || primaryKey && generated != null;
    }
}
