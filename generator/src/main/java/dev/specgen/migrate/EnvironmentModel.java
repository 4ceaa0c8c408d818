package dev.specgen.migrate;

import java.util.List;

/** What templates/python/alembic.stg needs beyond the service: the tables migrations leave alone. */
public final class EnvironmentModel {
    /** Python literals of the external tables' names, sorted. */
    public final List<String> externalTables;
    public final boolean hasExternalTables;

    public EnvironmentModel(MigrationPlan plan) {
        this.externalTables = plan.externalTableLiterals();
        this.hasExternalTables = !externalTables.isEmpty();
    }
}
