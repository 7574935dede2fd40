package dev.latchkey.server.db;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

import io.helidon.config.Config;
import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbTransaction;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;

import dev.latchkey.server.config.DataDir;

/**
 * The database: embedded Derby by default, or a PostgreSQL server that several instances share
 * ({@link Dialect}); migrated with Flyway on open, used through Helidon DbClient.
 */
public final class Database implements AutoCloseable {
    private static final int ATTEMPTS = 5;
    private static final List<String> TRANSIENT_STATES = List.of("40XL1", "40XL2", "40001", "40P01");

    private final DbClient client;
    private final String url;
    private final Dialect dialect;

    private Database(DbClient client, String url, Dialect dialect) {
        this.client = client;
        this.url = url;
        this.dialect = dialect;
    }

    /**
     * Opens (creating if needed) and migrates the database named by {@code db.connection.*}.
     *
     * @throws DatabaseInUseException when another process (a running server) holds it
     */
    public static Database open(Config db) {
        Config connection = db.get("connection");
        String url = connection.get("url").asString().get();
        String user = connection.get("username").asString().orElse(null);
        String password = connection.get("password").asString().orElse(null);
        Dialect dialect = Dialect.of(url);
        if (dialect == Dialect.DERBY) {
            // Derby would make a missing data folder with the process's default rights: it is owner-only.
            Path folder = DataDir.prepare(derbyFolder(url));
            if (System.getProperty("derby.stream.error.file") == null) {
                // Derby would otherwise write derby.log into whatever directory the process started in.
                System.setProperty("derby.stream.error.file", folder.resolve("derby.log").toString());
            }
        }
        try {
            if (!schemaIsCurrent(url, user, password, dialect)) {
                Flyway.configure()
                        .dataSource(url, user, password)
                        .locations(dialect.migrationLocations().toArray(String[]::new))
                        .load()
                        .migrate();
            }
        } catch (RuntimeException e) {
            if (hasSqlState(e, "XSDB6")) {
                throw new DatabaseInUseException(url, e);
            }
            throw e;
        }
        return new Database(DbClient.create(db), url, dialect);
    }

    /**
     * Whether the newest migration this build carries is applied already. Then Flyway is not even
     * loaded: its scanning and checks took about 650 ms of a 1.7 s start. A database that is behind
     * (or ahead, which Flyway refuses) or new goes through Flyway as before.
     */
    private static boolean schemaIsCurrent(String url, String user, String password, Dialect dialect) {
        try (Connection connection = DriverManager.getConnection(url, user, password);
             Statement statement = connection.createStatement();
             ResultSet versions = statement.executeQuery(
                     "SELECT \"version\" FROM \"flyway_schema_history\" WHERE \"success\" = TRUE")) {
            MigrationVersion newest = null;
            while (versions.next()) {
                String version = versions.getString(1);
                if (version != null) {
                    MigrationVersion applied = MigrationVersion.fromVersion(version);
                    newest = newest == null || applied.isNewerThan(newest) ? applied : newest;
                }
            }
            return MigrationVersion.fromVersion(dialect.schemaVersion()).equals(newest);
        } catch (SQLException e) {
            if (hasSqlState(e, "XSDB6")) {
                throw new DatabaseInUseException(url, e);
            }
            return false; // no history table yet: a new database
        }
    }

    public DbClient client() {
        return client;
    }

    public Dialect dialect() {
        return dialect;
    }

    public DbExecute execute() {
        return client.execute();
    }

    /**
     * Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. A
     * transaction the database gave up on because of another's locks (a deadlock victim, or a lock
     * timeout: under load, Derby's identity-value allocation for concurrent inserts times out now and
     * then) is rolled back whole and run again, up to {@value #ATTEMPTS} times. {@code work} must
     * therefore touch nothing but the database.
     */
    public <T> T inTransaction(Function<DbTransaction, T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return once(work);
            } catch (RuntimeException e) {
                if (attempt >= ATTEMPTS || !isTransient(e)) {
                    throw e;
                }
                pause(attempt);
            }
        }
    }

    private <T> T once(Function<DbTransaction, T> work) {
        DbTransaction tx = client.transaction();
        T result;
        try {
            result = work.apply(tx);
        } catch (RuntimeException | Error e) {
            try {
                tx.rollback();
            } catch (RuntimeException rollbackFailure) {
                // A broken connection cannot roll back; the original failure is the one to report.
                e.addSuppressed(rollbackFailure);
            }
            throw e;
        }
        tx.commit();
        return result;
    }

    /** Lock timeout and deadlock (Derby), serialization failure and deadlock (SQL standard, PostgreSQL). */
    static boolean isTransient(Throwable e) {
        return TRANSIENT_STATES.stream().anyMatch(state -> hasSqlState(e, state));
    }

    /** A short, random wait that grows with each attempt, so the retried transactions do not collide again. */
    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, 10L << attempt));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        client.close();
        if (dialect == Dialect.DERBY) {
            shutdownDerby();
        }
    }

    private void shutdownDerby() {
        String base = url.contains(";") ? url.substring(0, url.indexOf(';')) : url;
        try {
            DriverManager.getConnection(base + ";shutdown=true").close();
        } catch (SQLException expected) {
            // Derby reports a clean shutdown of one database with SQLState 08006.
        }
    }

    /** The folder that holds the database's (the data folder): where {@code derby.log} goes too. */
    private static Path derbyFolder(String url) {
        String path = url.substring("jdbc:derby:".length());
        path = path.contains(";") ? path.substring(0, path.indexOf(';')) : path;
        Path dbDir = Path.of(path).toAbsolutePath();
        return dbDir.getParent() == null ? dbDir : dbDir.getParent();
    }

    static boolean hasSqlState(Throwable e, String state) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                for (SQLException s = sql; s != null; s = s.getNextException()) {
                    if (state.equals(s.getSQLState())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
