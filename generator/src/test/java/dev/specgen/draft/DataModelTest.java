package dev.specgen.draft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** data-model.md as teams write it: tables, notes in their words, and prose that states rules. */
class DataModelTest {
    private static final String LEDGER = """
            # Data model: Ledger

            ## user (table `user`, owned by the auth service)
            | column | type |
            | --- | --- |
            | id | TEXT, primary key |
            | emailVerified | BOOLEAN, not null |

            ## Expense (table `expenses`)
            | column | type | notes |
            |:---|---|---|
            | id | UUID, primary key | generated |
            | amount | NUMERIC(12,2), not null | 0.01 to 1,000,000 |
            | currency | VARCHAR(3), not null, default 'EUR' | EUR, USD |
            | category_id | UUID, nullable | foreign key to categories.id, on delete set null; must be one of the caller's categories |
            | user_id | TEXT, not null | the JWT `sub` |
            | title | VARCHAR(200) | 1 to 200 characters, a \\| pipe |

            Index on (user_id, spent_on). Listed by spent_on descending, then created_at descending.
            `status=pending` means completed is false, `status=done` means true, `status=all` (the default) means no filter.
            `spent_from`/`spent_to` are inclusive bounds on spent_on; `min_amount` is an inclusive lower bound on amount.
            `q` matches merchant or note, case-insensitively.

            ## The chat endpoint
            Served by hand-written code.
            """;

    @Test
    void sectionsTablesAndProseAreRead() {
        DataModel model = DataModel.parse("data-model.md", LEDGER);
        assertEquals(List.of("user", "Expense"), model.sections().stream().map(DataModel.Section::name).toList(),
                "a section without columns is no entity");
        DataModel.Section user = model.sections().get(0);
        assertEquals(Optional.of("user"), user.table());
        assertEquals("owned by the auth service", user.headingNotes());
        assertEquals(List.of("primary key"), user.columns().get(0).notes());
        DataModel.Section expense = model.sections().get(1);
        assertEquals("NUMERIC(12,2)", expense.column("amount").orElseThrow().sqlType(), "no split inside parentheses");
        assertEquals(List.of("not null", "0.01 to 1,000,000"), expense.column("amount").orElseThrow().notes(),
                "no split inside a number");
        assertTrue(expense.column("title").orElseThrow().notes().contains("a | pipe"), "an escaped pipe stays");
        assertEquals(5, expense.sentences().size(), expense.sentences().toString());
    }

    @Test
    void columnNotesBecomeModelFacts() {
        DataModel.Section expense = DataModel.parse("data-model.md", LEDGER).sections().get(1);
        ColumnNotes amount = new ColumnNotes(expense.column("amount").orElseThrow());
        assertEquals("decimal", amount.sqlType.orElseThrow().type());
        assertEquals(Optional.of(12), amount.sqlType.orElseThrow().precision());
        assertEquals(Optional.of(2), amount.sqlType.orElseThrow().scale());
        assertEquals(0, new BigDecimal("1000000").compareTo(amount.maximum.orElseThrow()));
        ColumnNotes currency = new ColumnNotes(expense.column("currency").orElseThrow());
        assertEquals(Optional.of("'EUR'"), currency.defaultValue);
        assertEquals("EUR", ColumnNotes.literal(currency.defaultValue.orElseThrow()));
        assertEquals(List.of("EUR", "USD"), currency.unread, "what it cannot read is kept, not dropped");
        ColumnNotes category = new ColumnNotes(expense.column("category_id").orElseThrow());
        assertEquals(new ColumnNotes.ForeignKey("categories", "id", Optional.of("set null")),
                category.foreignKey.orElseThrow());
        assertEquals(Optional.of(true), category.nullable);
        assertTrue(new ColumnNotes(expense.column("user_id").orElseThrow()).holdsSubject);
        assertEquals(Optional.of("auto"), new ColumnNotes(expense.column("id").orElseThrow()).generated);
        assertEquals(Boolean.FALSE, ColumnNotes.literal("false"));
    }

    @Test
    void proseStatesIndexesOrdersValueMapsBoundsAndSearch() {
        Prose prose = new Prose(DataModel.parse("data-model.md", LEDGER).sections().get(1));
        assertEquals(List.of(List.of("user_id", "spent_on")), prose.groups("index").stream()
                .map(Prose.Fact::value).toList());
        assertEquals(List.of("-spent_on", "-created_at"), prose.order().orElseThrow().value());
        Prose.ValueMap status = prose.valueMaps().get("status").value();
        assertEquals("completed", status.field());
        assertEquals(List.of("pending", "done", "all"), List.copyOf(status.values().keySet()));
        assertEquals(Boolean.FALSE, status.values().get("pending"));
        assertEquals(Boolean.TRUE, status.values().get("done"));
        assertEquals(Prose.NO_FILTER, status.values().get("all"));
        Map<String, Prose.Fact<Prose.Bound>> bounds = prose.bounds();
        assertEquals(new Prose.Bound("spent_on", "gte"), bounds.get("spent_from").value());
        assertEquals(new Prose.Bound("spent_on", "lte"), bounds.get("spent_to").value());
        assertEquals(new Prose.Bound("amount", "gte"), bounds.get("min_amount").value());
        assertEquals("q", prose.search().orElseThrow().value().param());
        assertTrue(prose.search().orElseThrow().value().words().containsAll(List.of("merchant", "note")));
    }

    @Test
    void anythingElseGivesSectionsWithoutColumnsNeverAnError() {
        for (String text : List.of("", "no headings at all", "## Only a heading", "## T\n| a |\n|---|\n| |",
                "## T\n| name | type |\n| --- | --- |\n| x |", "## T (table)\n|||\n", "## T\n```\n| not | a table |\n```")) {
            DataModel model = DataModel.parse("data-model.md", text);
            assertTrue(model.sections().stream().allMatch(s -> s.columns().stream()
                    .allMatch(c -> !c.name().isEmpty())), text);
        }
        DataModel.Section plain = DataModel.parse("data-model.md", "## Task\n| a | b | c |\n|---|---|---|\n"
                + "| id | uuid | pk |").sections().get(0);
        assertEquals("id", plain.columns().get(0).name(), "without a header it knows, the first cell is the name");
        assertEquals(Optional.empty(), plain.table());
    }
}
