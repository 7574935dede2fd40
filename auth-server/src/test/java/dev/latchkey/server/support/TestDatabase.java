package dev.latchkey.server.support;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Assumptions;

/**
 * The database a test server runs on. Derby in the data folder unless the system property
 * {@code latchkey.test.db} is {@code postgresql}: then each server gets a new, empty database on the
 * PostgreSQL server that the libpq variables name ({@code PGHOST}, {@code PGPORT}, {@code PGUSER},
 * {@code PGPASSWORD}, {@code PGDATABASE}; {@code pg_virtualenv} sets them), dropped when it closes.
 * With no PostgreSQL reachable a test fails when {@code CI=true} and is skipped, saying why, elsewhere.
 */
public final class TestDatabase implements AutoCloseable {
    private static final String HOST = env("PGHOST", "localhost");
    private static final String PORT = env("PGPORT", "5432");
    private static final String USER = env("PGUSER", System.getProperty("user.name"));
    private static final String PASSWORD = env("PGPASSWORD", "");

    private final String name;
    private final Map<String, String> settings;

    private TestDatabase(String name, Map<String, String> settings) {
        this.name = name;
        this.settings = settings;
    }

    /** Whether this run's test servers use PostgreSQL. */
    public static boolean postgresql() {
        return "postgresql".equals(System.getProperty("latchkey.test.db"));
    }

    private static final String MFA_KEY = Base64.getEncoder().encodeToString(
            "latchkey-test-key-for-mfa-32byte".getBytes(StandardCharsets.US_ASCII));

    /** A database for one test server: PostgreSQL when this run asks for it, else none (Derby). */
    static Optional<TestDatabase> forTestServer() {
        return postgresql() ? Optional.of(createPostgresql()) : Optional.empty();
    }

    /** A new, empty PostgreSQL database. */
    public static TestDatabase createPostgresql() {
        String name = "latchkey_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection admin = admin(); Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            String why = "No PostgreSQL answered at " + HOST + ":" + PORT + " as " + USER + " (" + e.getMessage()
                    + "); run the tests under pg_virtualenv or set PGHOST, PGPORT, PGUSER and PGPASSWORD";
            if ("true".equals(System.getenv("CI"))) {
                throw new AssertionError(why, e);
            }
            Assumptions.abort(why);
        }
        return new TestDatabase(name, Map.of(
                "db.connection.url", url(name),
                "db.connection.username", USER,
                "db.connection.password", PASSWORD,
                // Instances on one database share the key that seals second factors.
                "auth.mfa.key", MFA_KEY));
    }

    /** The {@code db.connection.*} settings that point a server at this database. */
    public Map<String, String> settings() {
        return settings;
    }

    public String url() {
        return settings.get("db.connection.url");
    }

    @Override
    public void close() {
        try (Connection admin = admin(); Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not drop the test database " + name, e);
        }
    }

    private static Connection admin() throws SQLException {
        return DriverManager.getConnection(url(env("PGDATABASE", "postgres")), USER, PASSWORD);
    }

    private static String url(String database) {
        if (HOST.startsWith("/")) {
            throw new IllegalStateException("PGHOST names a socket folder (" + HOST + "); JDBC needs a host name");
        }
        return "jdbc:postgresql://" + HOST + ":" + PORT + "/" + database.toLowerCase(Locale.ROOT);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
