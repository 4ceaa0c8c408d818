package dev.specgen.draft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Every notation a data-model.md states its tables in reads to the same sections and column facts:
 * markdown tables under any heading, Table Name lines, bullet lists, SQL DDL, SQLModel and SQLAlchemy
 * classes, Mermaid ER diagrams; and what describes rather than defines (Indexes, Validation Rules,
 * placeholder rows, Pydantic request classes) is no entity.
 */
class DataModelNotationsTest {
    private static DataModel.Section only(String text) {
        List<DataModel.Section> sections = DataModel.parse("data-model.md", text).sections();
        assertEquals(1, sections.size(), sections.stream().map(DataModel.Section::name).toList().toString());
        return sections.get(0);
    }

    private static ColumnNotes col(DataModel.Section section, String name) {
        return new ColumnNotes(section.column(name).orElseThrow(() -> new AssertionError(name + " in "
                + section.columns())));
    }

    @Test
    void numberedEntityHeadingsAndTableNameLines() {
        DataModel.Section habit = only("""
                # Model
                ## Entities
                ### Entity 1: Habit
                **Table Name**: `habits`

                | Field | Type | Constraints |
                |---|---|---|
                | id | SERIAL | PK |
                | name | VARCHAR(80) | NOT NULL |
                | ... | ... | ... |
                """);
        assertEquals("Habit", habit.name());
        assertEquals(Optional.of("habits"), habit.table());
        assertEquals(List.of("id", "name"), habit.columns().stream().map(DataModel.Column::name).toList(),
                "a placeholder row is no field");
        assertEquals(Optional.of("increment"), col(habit, "id").generated);
        assertEquals(Optional.of(80), col(habit, "name").sqlType.orElseThrow().length());
        assertEquals("Product", only("## 2. Product Entity\nTable: `products`\n\n| name | type |\n|---|---|\n"
                + "| sku | TEXT |\n").name());
        assertEquals(Optional.of("products"), only("## 2. Product Entity\nTable: `products`\n\n| name | type |\n"
                + "|---|---|\n| sku | TEXT |\n").table());
    }

    @Test
    void sectionsThatDescribeAreNoEntities() {
        List<DataModel.Section> sections = DataModel.parse("data-model.md", """
                ## Note
                | Column | Type |
                |---|---|
                | id | UUID |
                ## Indexes
                | Index | Columns | Type |
                |---|---|---|
                | idx_note | id | btree |
                ## Validation Rules
                | Field | Type | Rule |
                |---|---|---|
                | title | string | required |
                ## Data Volume Estimates
                | Entity | Rows |
                |---|---|
                | Note | 1000 |
                ## Type Mappings
                | Domain Type | SQL Type |
                |---|---|
                | str | TEXT |
                """).sections();
        assertEquals(List.of("Note"), sections.stream().map(DataModel.Section::name).toList());
    }

    @Test
    void aFieldsSubsectionBelongsToTheEntityAboveIt() {
        DataModel.Section chat = only("""
                ## Entity: Chat
                ### Purpose
                A chat.
                ### Field Specifications
                | Field | Type | Constraints | Default |
                |---|---|---|---|
                | id | int | PK, auto-increment | NULL (DB-generated) |
                | archived | bool | NOT NULL | FALSE |
                | created_at | datetime | NOT NULL | Current UTC time |
                """);
        assertEquals("Chat", chat.name());
        assertEquals(Optional.of("boolean"), col(chat, "archived").sqlType.map(ColumnNotes.SqlType::type));
        assertEquals(Optional.of("FALSE"), col(chat, "archived").defaultValue);
        assertEquals(Optional.of("auto"), col(chat, "created_at").generated);
        assertEquals(Optional.empty(), col(chat, "created_at").defaultValue, "the server's time is no literal");
    }

    @Test
    void bulletLists() {
        DataModel.Section note = only("""
                ## Entity: Note
                - **id**: String (Primary Key, UUID)
                - **done**: Boolean (Default: false)
                - `owner_id` (UUID, FK → User)
                - `state` (enum: `open`, `closed`, required)
                - title: str
                - **Validation**: titles are short
                - `title` non-empty
                """);
        assertEquals(List.of("id", "done", "owner_id", "state", "title"), note.columns().stream()
                .map(DataModel.Column::name).toList(), "a bullet without a type is prose");
        assertTrue(col(note, "id").primaryKey);
        assertEquals(Optional.of("false"), col(note, "done").defaultValue);
        assertEquals("User", col(note, "owner_id").foreignKey.orElseThrow().table());
        assertFalse(col(note, "owner_id").foreignKey.orElseThrow().named(), "no column named: the key of User");
        assertEquals(Optional.of(List.of("open", "closed")), col(note, "state").values);
        assertEquals(Optional.of(false), col(note, "state").nullable);
        assertEquals("string", col(note, "title").sqlType.orElseThrow().type());
    }

    @Test
    void sqlCreateTableMergesWithTheMarkdownTable() {
        DataModel.Section task = only("""
                ## Task
                | Field | Type | Notes |
                |---|---|---|
                | id | UUID | identifier |
                | title | String | the owner's words |

                ## Database Schema (PostgreSQL)
                ```sql
                CREATE TABLE task (
                    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
                    title VARCHAR(100) NOT NULL,
                    project_id INTEGER REFERENCES projects(id) ON DELETE CASCADE,
                    created_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT NOW(),
                    updated_at TIMESTAMPTZ DEFAULT CURRENT_TIMESTAMP,
                    done BOOLEAN NOT NULL DEFAULT FALSE -- a comment, no column
                );
                CREATE INDEX idx_task ON task(title);
                ```
                """);
        assertEquals(Optional.of("task"), task.table());
        assertEquals(List.of("id", "title", "project_id", "created_at", "updated_at", "done"), task.columns().stream()
                .map(DataModel.Column::name).toList());
        assertTrue(col(task, "id").primaryKey);
        assertEquals(Optional.of("auto"), col(task, "id").generated, "gen_random_uuid() is generated");
        assertEquals(Optional.of(100), col(task, "title").sqlType.orElseThrow().length(), "the sharper SQL type");
        assertEquals(Optional.of(false), col(task, "title").nullable);
        assertEquals(new ColumnNotes.ForeignKey("projects", "id", Optional.of("cascade")),
                col(task, "project_id").foreignKey.orElseThrow());
        assertEquals(Optional.of(true), col(task, "project_id").nullable);
        assertEquals("datetime", col(task, "created_at").sqlType.orElseThrow().type());
        assertEquals(Optional.of("auto"), col(task, "created_at").generated);
        assertEquals(Optional.empty(), col(task, "updated_at").defaultValue);
        assertEquals(Optional.of("FALSE"), col(task, "done").defaultValue);
    }

    @Test
    void sqlModelAndSqlAlchemyClassesAreTablesAndPydanticOnesAreNot() {
        List<DataModel.Section> sections = DataModel.parse("data-model.md", """
                ## Models
                ```python
                class Event(SQLModel, table=True):
                    \"\"\"An event.\"\"\"
                    __tablename__ = "events"

                    id: uuid.UUID = Field(default_factory=uuid4, primary_key=True)
                    title: str = Field(max_length=120, index=True)
                    note: Optional[str] = None
                    kind: EventKind
                    owner_id: str = Field(foreign_key="users.id", nullable=False)
                    owner: "User" = Relationship(back_populates="events")

                    class Config:
                        orm_mode = True

                class EventCreate(BaseModel):
                    title: str

                class LedgerModel(Base):
                    __tablename__ = 'ledgers'
                    ledger_id: Mapped[int] = mapped_column(Integer, primary_key=True)
                    amount: Mapped[Decimal] = mapped_column(Numeric(15, 2), nullable=False)
                    status = Column(String(20), nullable=False, default="open")
                    updated_at = Column(DateTime, default=datetime.utcnow, onupdate=datetime.utcnow)
                ```
                """).sections();
        assertEquals(List.of("Event", "Ledger"), sections.stream().map(DataModel.Section::name).toList());
        DataModel.Section event = sections.get(0);
        assertEquals(Optional.of("events"), event.table());
        assertEquals(List.of("id", "title", "note", "kind", "owner_id"), event.columns().stream()
                .map(DataModel.Column::name).toList(), "a relationship is no column");
        assertEquals(Optional.of("auto"), col(event, "id").generated);
        assertEquals("uuid", col(event, "id").sqlType.orElseThrow().type());
        assertEquals(Optional.of(120), col(event, "title").sqlType.orElseThrow().length());
        assertTrue(col(event, "title").indexed);
        assertEquals(Optional.of(true), col(event, "note").nullable);
        assertEquals("enum", col(event, "kind").sqlType.orElseThrow().type());
        assertEquals("users", col(event, "owner_id").foreignKey.orElseThrow().table());
        DataModel.Section ledger = sections.get(1);
        assertEquals(Optional.of("ledgers"), ledger.table());
        assertTrue(col(ledger, "ledger_id").primaryKey);
        assertEquals(Optional.of(2), col(ledger, "amount").sqlType.orElseThrow().scale());
        assertEquals("open", ColumnNotes.literal(col(ledger, "status").defaultValue.orElseThrow()));
        assertEquals(Optional.of("updated"), col(ledger, "updated_at").generated);
    }

    @Test
    void mermaidErDiagrams() {
        DataModel.Section[] sections = DataModel.parse("data-model.md", """
                ## Diagram
                ```mermaid
                erDiagram
                    USER ||--o{ TODO_ITEM : owns
                    TODO_ITEM {
                        uuid id PK
                        string title "1 to 200 characters"
                        string user_id FK
                        timestamp created_at
                    }
                ```
                """).sections().toArray(DataModel.Section[]::new);
        assertEquals(1, sections.length);
        assertEquals("TodoItem", sections[0].name());
        assertTrue(col(sections[0], "id").primaryKey);
        assertEquals(Optional.of(200), col(sections[0], "title").maxLength);
        assertEquals("datetime", col(sections[0], "created_at").sqlType.orElseThrow().type());
    }

    @Test
    void typesAsPythonSqlAndProseWriteThem() {
        for (String[] t : new String[][] {{"str", "string"}, {"enum", "enum"}, {"TIMESTAMP WITH TZ", "datetime"},
                {"`datetime (TIMESTAMPTZ)`", "datetime"}, {"UUID", "uuid"}, {"VARCHAR(255)", "string"},
                {"SERIAL", "integer"}, {"DateTime", "datetime"}, {"Numeric(15, 2)", "decimal"}, {"sa.Text", "text"},
                {"JSONB", "json"}, {"bool", "boolean"}}) {
            assertEquals(t[1], ColumnNotes.sqlType(t[0]).map(ColumnNotes.SqlType::type).orElse("none"), t[0]);
        }
        assertTrue(FieldInference.updates("updated_at"));
        assertFalse(FieldInference.updates("created_at"));
    }
}
