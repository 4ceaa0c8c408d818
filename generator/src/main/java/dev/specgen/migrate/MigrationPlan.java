package dev.specgen.migrate;

import dev.specgen.resolve.PyLiteral;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * What the render stage writes about migrations: the migrations already in the output, verbatim;
 * the one this run adds, if model.yaml changed; the tables the chain now leads to; and the
 * external tables the Alembic environment must leave alone.
 */
public record MigrationPlan(MigrationHistory history, Optional<MigrationModel> next, SchemaSnapshot schema,
        List<String> externalTables) {

    /**
     * An Alembic revision id derived from the migration's content and its parent, never from the
     * clock: the same change on the same history gets the same id, on every machine.
     */
    public static String revision(String parent, String body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] hash = digest.digest(("specgen migration\nparent " + (parent == null ? "<base>" : parent) + "\n" + body)
                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** For the Alembic environment: the tables it never compares or migrates. */
    public List<String> externalTableLiterals() {
        return externalTables.stream().sorted().map(PyLiteral::str).toList();
    }
}
