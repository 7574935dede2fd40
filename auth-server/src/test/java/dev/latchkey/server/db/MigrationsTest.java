package dev.latchkey.server.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.latchkey.server.config.ConfigLoader;

/** A server skips Flyway when the newest migration is applied; anything else still goes through it. */
class MigrationsTest {
    @TempDir
    Path dir;

    @Test
    void schemaVersionOfEachDialectIsItsNewestMigrationFile() throws Exception {
        assertThat(newest("db/migration")).isEqualTo(MigrationVersion.fromVersion(Dialect.DERBY.schemaVersion()));
        MigrationVersion common = newest("db/migration");
        MigrationVersion vendor = newest("db/vendor/postgresql");
        assertThat(vendor.isNewerThan(common) ? vendor : common)
                .isEqualTo(MigrationVersion.fromVersion(Dialect.POSTGRESQL.schemaVersion()));
    }

    @Test
    void openWhenSchemaBehindThenMigratedToTheNewest() {
        String url = "jdbc:derby:" + dir.resolve("db") + ";create=true";
        Flyway.configure().dataSource(url, "latchkey", "latchkey").locations("classpath:db/migration").target("3")
                .load().migrate();
        try (Database db = Database.open(ConfigLoader.load(Optional.empty(),
                Map.of("auth.data-dir", dir.toString())).get("db"))) {
            assertThat(db.execute().get("SELECT COUNT(*) AS n FROM rate_window").map(r -> Rows.intOf(r, "n")))
                    .as("V4's table exists").contains(0);
        }
        try (Database again = Database.open(ConfigLoader.load(Optional.empty(),
                Map.of("auth.data-dir", dir.toString())).get("db"))) {
            assertThat(again.execute().get("SELECT COUNT(*) AS n FROM rate_window").map(r -> Rows.intOf(r, "n")))
                    .as("a current schema opens without Flyway").contains(0);
        }
    }

    private static MigrationVersion newest(String folder) throws IOException, URISyntaxException {
        Path path = Path.of(MigrationsTest.class.getClassLoader().getResource(folder).toURI());
        try (Stream<Path> files = Files.list(path)) {
            return files.map(f -> f.getFileName().toString())
                    .filter(name -> name.matches("V[0-9_]+__.*\\.sql"))
                    .map(name -> MigrationVersion.fromVersion(name.substring(1, name.indexOf("__")).replace('_', '.')))
                    .max(MigrationVersion::compareTo).orElseThrow();
        }
    }
}
