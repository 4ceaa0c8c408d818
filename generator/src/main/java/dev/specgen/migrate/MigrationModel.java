package dev.specgen.migrate;

import dev.specgen.resolve.PyLiteral;
import java.util.List;
import java.util.Set;

/** The migration a generate run adds, as templates/python/migration.stg prints it. */
public final class MigrationModel {
    private static final Set<String> USES_SA = Set.of("createTable", "addColumn", "alterColumn", "fillNulls", "createCheck");

    /** Relative path of the file, e.g. migrations/versions/0002_add_column_tasks_priority.py. */
    public final String path;
    public final String parent;
    public final String summary;
    public final List<String> changes;
    public final boolean hasAcknowledged;
    public final List<String> acknowledged;
    public final boolean hasParent;
    public final String parentLiteral;
    public final boolean usesSa;
    public final List<Steps.Step> upgrade;
    public final List<Steps.Step> downgrade;

    MigrationModel(String path, String parent, String summary, List<String> changes, List<String> acknowledged,
            List<Steps.Step> upgrade, List<Steps.Step> downgrade) {
        this.path = path;
        this.parent = parent;
        this.summary = docText(summary);
        this.changes = changes.stream().map(MigrationModel::docText).toList();
        this.acknowledged = acknowledged.stream().map(MigrationModel::docText).toList();
        this.hasAcknowledged = !acknowledged.isEmpty();
        this.hasParent = parent != null;
        this.parentLiteral = parent == null ? null : PyLiteral.str(parent);
        this.usesSa = usesSa(upgrade) || usesSa(downgrade);
        this.upgrade = List.copyOf(upgrade);
        this.downgrade = List.copyOf(downgrade);
    }

    private static boolean usesSa(List<Steps.Step> steps) {
        return steps.stream().anyMatch(s -> USES_SA.contains(s.template)
                || s instanceof Steps.Batch batch && usesSa(batch.operations));
    }

    /** Text safe inside a triple-quoted docstring: names can hold any character in a column: override. */
    private static String docText(String text) {
        return PyLiteral.body(text, '"');
    }
}
