package dev.latchkey.desktop.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

import io.helidon.config.Config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.latchkey.server.config.AuthSettings;

/**
 * The embedded server keeps its own settings whatever the user's shell or JVM options hold for a
 * standalone server. The environment cannot be set from a test; system properties, which a standalone
 * server reads with it and above it, can.
 */
class LocalServerTest {
    private static final Map<String, String> STANDALONE = Map.of(
            "server.host", "0.0.0.0",
            "auth.rate-limit.enabled", "false",
            "db.connection.url", "jdbc:derby:memory:elsewhere;create=true",
            "auth.mail.transport", "smtp");

    @TempDir
    Path dir;

    @Test
    void configurationWhenProcessSaysOtherwiseThenLoopbackLimitsOnOwnDatabaseAndOutbox() {
        withSystemProperties(() -> {
            Config config = LocalServer.configuration(dir, Map.of());
            assertThat(config.get("server.host").asString().get()).isEqualTo("127.0.0.1");
            assertThat(AuthSettings.from(config).rateLimitsEnabled()).isTrue();
            assertThat(config.get("db.connection.url").asString().get())
                    .isEqualTo("jdbc:derby:" + dir.resolve("db") + ";create=true");
            assertThat(config.get("auth.mail.transport").asString().get()).isEqualTo("file");
        });
    }

    @Test
    void startWhenProcessSaysOtherwiseThenListensOnLoopback() {
        withSystemProperties(() -> {
            try (LocalServer server = LocalServer.start(dir, Clock.systemUTC())) {
                assertThat(server.baseUri().getHost()).isEqualTo("127.0.0.1");
                assertThat(server.outbox()).isEqualTo(dir.resolve("outbox"));
            }
        });
    }

    private static void withSystemProperties(Runnable check) {
        STANDALONE.forEach(System::setProperty);
        try {
            check.run();
        } finally {
            STANDALONE.keySet().forEach(System::clearProperty);
        }
    }
}
