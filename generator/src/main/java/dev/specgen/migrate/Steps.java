package dev.specgen.migrate;

import dev.specgen.resolve.PyLiteral;
import java.util.List;

/**
 * What templates/python/migration.stg prints: one class per Alembic operation, each naming its
 * template. Names arrive as Python literals; types, fills and flags as data, never as Python.
 */
public final class Steps {
    private Steps() {
    }

    /** One statement of upgrade() or downgrade(); {@code template} is the migration.stg template that prints it. */
    public abstract static class Step {
        public final String template;

        Step(String template) {
            this.template = template;
        }
    }

    public static final class TypeModel {
        public final String template;
        public final Integer length;
        public final Integer precision;
        public final Integer scale;
        public final boolean hasLength;
        public final boolean hasPrecision;
        public final boolean hasScale;

        TypeModel(SqlType type) {
            this.template = "type_" + type.kind().name().toLowerCase(java.util.Locale.ROOT);
            this.length = type.length();
            this.precision = type.precision();
            this.scale = type.scale();
            this.hasLength = length != null;
            this.hasPrecision = precision != null;
            this.hasScale = scale != null;
        }
    }

    /** A fill as a SQL expression: a literal, TRUE/FALSE (0/1 on SQLite), or the current time. */
    public static final class FillModel {
        public final String template;
        public final String sqlLiteral;

        FillModel(Fill fill) {
            this.template = fill.equals(Fill.TRUE) ? "fill_true" : fill.equals(Fill.FALSE) ? "fill_false" : "fill_sql";
            this.sqlLiteral = PyLiteral.str(fill.sql());
        }
    }

    public static final class ColumnModel {
        public final String nameLiteral;
        public final TypeModel type;
        public final boolean nullable;
        public final boolean hasServerDefault;
        public final FillModel serverDefault;

        ColumnModel(TableSchema.Column column, boolean nullable, Fill serverDefault) {
            this.nameLiteral = PyLiteral.str(column.name());
            this.type = new TypeModel(column.type());
            this.nullable = nullable;
            this.hasServerDefault = serverDefault != null;
            this.serverDefault = serverDefault == null ? null : new FillModel(serverDefault);
        }
    }

    public static final class KeyModel {
        public final String nameLiteral;
        public final String columnsLiteral;
        /** The columns as positional arguments, as sa.PrimaryKeyConstraint and sa.UniqueConstraint take them. */
        public final String columnsArgs;

        KeyModel(TableSchema.Key key) {
            this.nameLiteral = PyLiteral.str(key.name());
            this.columnsLiteral = PyLiteral.strList(key.columns());
            this.columnsArgs = String.join(", ", key.columns().stream().map(PyLiteral::str).toList());
        }
    }

    public static final class ForeignKeyModel {
        public final String nameLiteral;
        public final String columnsLiteral;
        public final String referredTableLiteral;
        public final String referredColumnsLiteral;
        /** "table.column" per referred column, as sa.ForeignKeyConstraint takes them. */
        public final String referencesLiteral;
        public final boolean hasOnDelete;
        public final String onDeleteLiteral;

        ForeignKeyModel(TableSchema.ForeignKey fk) {
            this.nameLiteral = PyLiteral.str(fk.name());
            this.columnsLiteral = PyLiteral.strList(fk.columns());
            this.referredTableLiteral = PyLiteral.str(fk.referredTable());
            this.referredColumnsLiteral = PyLiteral.strList(fk.referredColumns());
            this.referencesLiteral = PyLiteral.strList(fk.referredColumns().stream()
                    .map(c -> fk.referredTable() + "." + c).toList());
            this.hasOnDelete = fk.onDelete() != null;
            this.onDeleteLiteral = fk.onDelete() == null ? null : PyLiteral.str(fk.onDelete());
        }
    }

    /** A CHECK constraint holding a column to its values: the names and each value as Python literals. */
    public static final class CheckModel {
        public final String nameLiteral;
        public final String columnLiteral;
        public final List<String> valueLiterals;

        CheckModel(TableSchema.Check check) {
            this.nameLiteral = PyLiteral.str(check.name());
            this.columnLiteral = PyLiteral.str(check.column());
            this.valueLiterals = check.values().stream().map(PyLiteral::str).toList();
        }
    }

    public static final class CreateTable extends Step {
        public final String tableLiteral;
        public final List<ColumnModel> columns;
        public final KeyModel primaryKey;
        public final List<ForeignKeyModel> foreignKeys;
        public final List<KeyModel> uniques;
        public final List<CheckModel> checks;

        CreateTable(TableSchema table, List<TableSchema.ForeignKey> foreignKeys) {
            super("createTable");
            this.tableLiteral = PyLiteral.str(table.name());
            this.columns = table.columns().stream().map(c -> new ColumnModel(c, c.nullable(), null)).toList();
            this.primaryKey = new KeyModel(table.primaryKey());
            this.foreignKeys = foreignKeys.stream().map(ForeignKeyModel::new).toList();
            this.uniques = table.uniques().stream().map(KeyModel::new).toList();
            this.checks = table.checks().stream().map(CheckModel::new).toList();
        }
    }

    public static final class DropTable extends Step {
        public final String tableLiteral;

        DropTable(String table) {
            super("dropTable");
            this.tableLiteral = PyLiteral.str(table);
        }
    }

    public static final class CreateIndex extends Step {
        public final String tableLiteral;
        public final KeyModel index;

        CreateIndex(String table, TableSchema.Key index) {
            super("createIndex");
            this.tableLiteral = PyLiteral.str(table);
            this.index = new KeyModel(index);
        }
    }

    public static final class DropIndex extends Step {
        public final String tableLiteral;
        public final KeyModel index;

        DropIndex(String table, TableSchema.Key index) {
            super("dropIndex");
            this.tableLiteral = PyLiteral.str(table);
            this.index = new KeyModel(index);
        }
    }

    /** Alterations of one table, through Alembic's batch mode so that SQLite can make them too. */
    public static final class Batch extends Step {
        public final String tableLiteral;
        public final List<Step> operations;

        Batch(String table, List<Step> operations) {
            super("batch");
            this.tableLiteral = PyLiteral.str(table);
            this.operations = List.copyOf(operations);
        }
    }

    /** Sets a column's NULLs to its fill before the column becomes NOT NULL. */
    public static final class FillNulls extends Step {
        public final String tableLiteral;
        public final String columnLiteral;
        public final FillModel fill;

        FillNulls(String table, TableSchema.Column column) {
            super("fillNulls");
            this.tableLiteral = PyLiteral.str(table);
            this.columnLiteral = PyLiteral.str(column.name());
            this.fill = new FillModel(column.fill());
        }
    }

    public static final class AddColumn extends Step {
        public final ColumnModel column;

        AddColumn(ColumnModel column) {
            super("addColumn");
            this.column = column;
        }
    }

    public static final class DropColumn extends Step {
        public final String nameLiteral;

        DropColumn(String column) {
            super("dropColumn");
            this.nameLiteral = PyLiteral.str(column);
        }
    }

    /**
     * An alter_column: a new type (with PostgreSQL's USING when it does not cast by itself), a new
     * nullability, or the server default a NOT NULL column was added with taken away again.
     */
    public static final class AlterColumn extends Step {
        public final String nameLiteral;
        public final TypeModel existingType;
        public final boolean existingNullable;
        public final boolean hasType;
        public final TypeModel type;
        public final boolean hasUsing;
        public final String usingLiteral;
        public final boolean hasNullable;
        public final boolean nullable;
        public final boolean dropsServerDefault;

        AlterColumn(TableSchema.Column before, SqlType type, Boolean nullable, boolean dropsServerDefault) {
            super("alterColumn");
            this.nameLiteral = PyLiteral.str(before.name());
            this.existingType = new TypeModel(before.type());
            this.existingNullable = before.nullable();
            this.hasType = type != null;
            this.type = type == null ? null : new TypeModel(type);
            this.hasUsing = type != null && !type.castsImplicitlyFrom(before.type());
            this.usingLiteral = hasUsing ? PyLiteral.str("\"" + before.name().replace("\"", "\"\"") + "\"::"
                    + type.postgresName()) : null;
            this.hasNullable = nullable != null;
            this.nullable = nullable != null && nullable;
            this.dropsServerDefault = dropsServerDefault;
        }
    }

    public static final class CreateUnique extends Step {
        public final KeyModel unique;

        CreateUnique(TableSchema.Key unique) {
            super("createUnique");
            this.unique = new KeyModel(unique);
        }
    }

    public static final class CreateForeignKey extends Step {
        public final ForeignKeyModel foreignKey;

        CreateForeignKey(TableSchema.ForeignKey foreignKey) {
            super("createForeignKey");
            this.foreignKey = new ForeignKeyModel(foreignKey);
        }
    }

    public static final class CreateCheck extends Step {
        public final CheckModel check;

        CreateCheck(TableSchema.Check check) {
            super("createCheck");
            this.check = new CheckModel(check);
        }
    }

    public static final class CreatePrimaryKey extends Step {
        public final KeyModel primaryKey;

        CreatePrimaryKey(TableSchema.Key primaryKey) {
            super("createPrimaryKey");
            this.primaryKey = new KeyModel(primaryKey);
        }
    }

    /** Drops a named constraint; {@code kind} is Alembic's type_: foreignkey, unique, check or primary. */
    public static final class DropConstraint extends Step {
        public final String nameLiteral;
        public final String kindLiteral;

        DropConstraint(String name, String kind) {
            super("dropConstraint");
            this.nameLiteral = PyLiteral.str(name);
            this.kindLiteral = PyLiteral.str(kind);
        }
    }
}
