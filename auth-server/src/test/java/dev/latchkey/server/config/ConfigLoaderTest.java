package dev.latchkey.server.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.helidon.config.Config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The configuration's layers, highest first: system properties, overrides, --config file, defaults, derived. */
class ConfigLoaderTest {
    @TempDir
    Path dir;

    @Test
    void loadWhenKeysSetInSeveralLayersThenTheHighestWinsAndDerivedKeysFollowTheDataDir() throws Exception {
        Path file = dir.resolve("latchkey.yaml");
        Files.writeString(file, """
                auth:
                  session:
                    ttl: PT1H
                  reset:
                    token-ttl: PT20M
                  trusted-proxies: ["10.0.0.5", "10.0.0.6"]
                """);
        System.setProperty("auth.invite.token-ttl", "PT5H");
        try {
            Config config = ConfigLoader.load(Optional.of(file), Map.of("auth.data-dir", dir.toString(),
                    "auth.reset.token-ttl", "PT10M"));
            assertThat(config.get("auth.invite.token-ttl").asString().get()).as("system property").isEqualTo("PT5H");
            assertThat(config.get("auth.reset.token-ttl").asString().get()).as("override").isEqualTo("PT10M");
            assertThat(config.get("auth.session.ttl").asString().get()).as("file").isEqualTo("PT1H");
            assertThat(config.get("auth.mail.transport").asString().get()).as("default").isEqualTo("file");
            assertThat(config.get("auth.trusted-proxies").asList(String.class).get())
                    .isEqualTo(List.of("10.0.0.5", "10.0.0.6"));
            assertThat(config.get("db.connection.url").asString().get()).as("derived")
                    .isEqualTo("jdbc:derby:" + dir.resolve("db") + ";create=true");
            assertThat(config.get("auth.mail.outbox-dir").asString().get()).isEqualTo(dir.resolve("outbox").toString());
        } finally {
            System.clearProperty("auth.invite.token-ttl");
        }
    }

    @Test
    void loadWhenDatabaseUrlGivenThenItIsKeptOverTheDerivedOne() {
        Config config = ConfigLoader.load(Optional.empty(), Map.of("auth.data-dir", dir.toString(),
                "db.connection.url", "jdbc:postgresql://db.example.org/latchkey"));
        assertThat(config.get("db.connection.url").asString().get()).isEqualTo("jdbc:postgresql://db.example.org/latchkey");
    }

    @Test
    void loadWhenEnvironmentGivenThenItWinsOverOverridesAndWithoutItTheOverridesHold() {
        Map<String, String> overrides = Map.of("auth.data-dir", dir.toString(), "server.host", "127.0.0.1");
        ConfigLoader.Outside shell = new ConfigLoader.Outside(Map.of("SERVER_HOST", "0.0.0.0",
                "AUTH_RATE_DASH_LIMIT_ENABLED", "false", "DB_CONNECTION_URL", "jdbc:postgresql://db.example.org/x"), Map.of());

        Config server = ConfigLoader.load(Optional.empty(), overrides, shell);
        assertThat(server.get("server.host").asString().get()).isEqualTo("0.0.0.0");
        assertThat(server.get("auth.rate-limit.enabled").asBoolean().get()).isFalse();
        assertThat(server.get("db.connection.url").asString().get()).isEqualTo("jdbc:postgresql://db.example.org/x");

        Config embedded = ConfigLoader.load(Optional.empty(), overrides, ConfigLoader.Outside.NONE);
        assertThat(embedded.get("server.host").asString().get()).isEqualTo("127.0.0.1");
        assertThat(embedded.get("auth.rate-limit.enabled").asBoolean().get()).isTrue();
        assertThat(embedded.get("db.connection.url").asString().get()).startsWith("jdbc:derby:" + dir);
    }
}
