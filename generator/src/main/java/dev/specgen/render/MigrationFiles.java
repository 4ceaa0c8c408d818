package dev.specgen.render;

import dev.specgen.migrate.MigrationHistory;
import dev.specgen.migrate.MigrationPlan;
import dev.specgen.migrate.SnapshotFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The migration chain's files: those of earlier generations exactly as they are, the one this
 * run adds (its revision id a hash of its operations and parent), and the snapshot recording the
 * chain and the tables it leads to.
 */
final class MigrationFiles {
    private final Renderer renderer;

    MigrationFiles(Renderer renderer) {
        this.renderer = renderer;
    }

    List<GeneratedFile> render(MigrationPlan plan) {
        List<GeneratedFile> files = new ArrayList<>();
        List<SnapshotFile.Entry> entries = new ArrayList<>(plan.history().entries());
        plan.history().contents().forEach((path, text) -> files.add(new GeneratedFile(path, text)));
        plan.next().ifPresent(migration -> {
            String body = renderer.text("migration", "body", Map.of("migration", migration));
            String revision = MigrationPlan.revision(migration.parent, body);
            GeneratedFile file = renderer.file(migration.path, "migration", "file",
                    Map.of("migration", migration, "revision", revision, "body", body));
            files.add(file);
            entries.add(new SnapshotFile.Entry(migration.path, revision, MigrationHistory.sha256(file.content())));
        });
        files.add(new GeneratedFile(SnapshotFile.PATH, SnapshotFile.write(entries, plan.schema())));
        return files;
    }
}
