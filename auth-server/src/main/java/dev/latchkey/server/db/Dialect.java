package dev.latchkey.server.db;

import java.util.List;

import io.helidon.dbclient.DbExecute;

/**
 * What differs between the two databases Latchkey runs on. Derby is embedded: one process owns the
 * database, so in-memory limiters are exact there. PostgreSQL may be shared by several instances, so
 * everything they must agree on lives in the database.
 */
public enum Dialect {
    DERBY("VALUES 1", "VALUES IDENTITY_VAL_LOCAL()", "", false, "12"),
    POSTGRESQL("SELECT 1", "SELECT lastval()", " FOR UPDATE SKIP LOCKED", true, "12");

    private final String healthStatement;
    private final String lastIdentity;
    private final String skipLocked;
    private final boolean shared;
    private final String schemaVersion;

    Dialect(String healthStatement, String lastIdentity, String skipLocked, boolean shared, String schemaVersion) {
        this.healthStatement = healthStatement;
        this.lastIdentity = lastIdentity;
        this.skipLocked = skipLocked;
        this.shared = shared;
        this.schemaVersion = schemaVersion;
    }

    /** The dialect of a JDBC URL: {@code jdbc:postgresql:} or {@code jdbc:derby:}. */
    public static Dialect of(String url) {
        if (url.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        if (url.startsWith("jdbc:derby:")) {
            return DERBY;
        }
        throw new IllegalArgumentException("db.connection.url must be a jdbc:derby: or jdbc:postgresql: URL");
    }

    /** A query that proves the database answers, for the health check. */
    public String healthStatement() {
        return healthStatement;
    }

    /** Flyway locations: the shared migrations, plus this database's own where the SQL differs. */
    List<String> migrationLocations() {
        return this == POSTGRESQL
                ? List.of("classpath:db/migration", "classpath:db/vendor/postgresql")
                : List.of("classpath:db/migration");
    }

    /** The version of the newest migration for this database (kept equal to the files by {@code MigrationsTest}). */
    String schemaVersion() {
        return schemaVersion;
    }

    /** Whether several server processes may use one database at once. */
    public boolean shared() {
        return shared;
    }

    /** The identity value the connection's last INSERT generated; only meaningful inside a transaction. */
    public long lastIdentity(DbExecute tx) {
        return tx.get(lastIdentity).map(row -> ((Number) row.column(1).get()).longValue()).orElseThrow();
    }

    /**
     * Written after the table of a query that must read this index: Derby's optimizer otherwise picks
     * a table scan and a sort when most rows match (the mail backlog under load, sorted on every
     * claim); PostgreSQL plans well without being told.
     */
    public String useIndex(String index) {
        return this == DERBY ? " --DERBY-PROPERTIES index=" + index + "\n" : "";
    }

    /**
     * Appended to a SELECT that picks work to claim: on PostgreSQL the rows are locked, and rows that
     * another instance is claiming right now are passed over instead of waited for. Derby has one
     * process, whose claims the caller's guarded UPDATE already settles.
     */
    public String skipLocked() {
        return skipLocked;
    }

    /**
     * Inserts a row unless one with the same key exists (or is being inserted by a transaction that
     * then commits); returns whether this call inserted it. On PostgreSQL a failed statement would end
     * the transaction, so the conflict is declared; Derby undoes only the failed statement.
     */
    public boolean insertIfAbsent(DbExecute tx, String insert, Object... params) {
        if (this == POSTGRESQL) {
            return tx.insert(insert + " ON CONFLICT DO NOTHING", params) == 1;
        }
        try {
            return tx.insert(insert, params) == 1;
        } catch (RuntimeException e) {
            if (Database.hasSqlState(e, "23505")) {
                return false;
            }
            throw e;
        }
    }
}
