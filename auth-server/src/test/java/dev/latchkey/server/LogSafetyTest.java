package dev.latchkey.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Map;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.latchkey.api.Role;
import dev.latchkey.server.support.LogCapture;
import dev.latchkey.server.support.TestServer;
import dev.latchkey.server.support.TestServer.Response;

/** Log lines cannot be forged from outside, say what went wrong, and warn about risky settings. */
class LogSafetyTest {
    static final String PASSWORD = "velvet tractor orbits quietly";
    static final String FORGED = "2030-01-01T00:00:00.000Z SEVERE forged";

    @TempDir
    Path dir;

    @Test
    void failureWhenPathHoldsALineBreakThenOneEscapedLineNamingTheRootCause() {
        try (TestServer server = TestServer.start(dir); LogCapture capture = new LogCapture()) {
            LogGuard.apply(); // as at start-up: the capture is one of the handlers then
            server.addUser("root@example.com", PASSWORD, Role.ADMIN);
            String session = server.signIn("root@example.com", PASSWORD);
            server.db().close(); // every request that needs the database now fails
            Response response = server.post("/api/v1/helpdesk/users/1%0a" + FORGED.replace(" ", "%20") + "/unlock",
                    "{}", "127.0.0.1", session);
            assertThat(response.status()).isEqualTo(500);
            assertThat(response.body()).doesNotContain("Exception").doesNotContain("SQL");
            String logs = capture.text();
            assertThat(logs.lines()).noneMatch(line -> line.startsWith("2030-01-01"));
            assertThat(logs).contains("\\n" + FORGED);
            String failure = logs.lines().filter(line -> line.contains("failed:")).findFirst().orElseThrow();
            assertThat(failure).contains("caused by");
        }
    }

    @Test
    void startWhenRateLimitsOffOrPlainHttpPublicUrlThenWarned() {
        try (LogCapture capture = new LogCapture();
             TestServer ignored = TestServer.start(dir, Map.of("auth.rate-limit.enabled", "false",
                     "auth.public-url", "http://login.example.org"))) {
            assertThat(capture.text()).contains("auth.rate-limit.enabled is false")
                    .contains("auth.public-url http://login.example.org is plain http");
        }
    }

    /** A log line says its offset, so it is read right on a host whose zone is not UTC. */
    @Test
    void logLineTimestampsCarryTheirOffset() throws Exception {
        Properties shipped = new Properties();
        try (InputStream in = LogGuard.class.getResourceAsStream("/logging.properties")) {
            shipped.load(in);
        }
        String format = shipped.getProperty("java.util.logging.SimpleFormatter.format");
        ZonedDateTime winter = ZonedDateTime.of(2026, 1, 15, 10, 0, 0, 0, ZoneId.of("Europe/Berlin"));
        assertThat(String.format(format, winter, "source", "logger", "INFO", "message", ""))
                .startsWith("2026-01-15T10:00:00.000+0100 INFO");
    }

    @Test
    void anyHandlerEscapesControlCharactersInEveryMessage() {
        try (LogCapture capture = new LogCapture()) {
            LogGuard.apply();
            Logger.getLogger("some.library").warning("user said: x\r\n" + FORGED);
            Logger.getLogger("some.library").log(Level.WARNING, "param {0}", "y\n" + FORGED);
            assertThat(capture.text().lines()).noneMatch(line -> line.startsWith("2030"));
            // An operator's level set after the guard ran still lets no SMTP conversation through.
            Logger protocol = Logger.getLogger("org.eclipse.angus.mail.smtp.protocol");
            protocol.setLevel(Level.ALL);
            protocol.finest("RCPT TO:<jane@example.com> #token=SECRET");
            protocol.setLevel(null);
            assertThat(capture.text()).doesNotContain("#token=SECRET");
            assertThat(Arrays.stream(capture.text().split("\n")).filter(l -> l.contains(FORGED)).count()).isEqualTo(2);
        }
    }
}
