package dev.latchkey.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

import com.icegreen.greenmail.util.GreenMail;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.latchkey.api.Role;
import dev.latchkey.server.support.FileScan;
import dev.latchkey.server.support.LogCapture;
import dev.latchkey.server.support.Mail;
import dev.latchkey.server.support.Smtp;
import dev.latchkey.server.support.TestServer.Response;
import dev.latchkey.server.support.TestServer;

/** No log line, database file or error message ever holds a raw reset token, session token or password. */
class SecretsTest {
    static final String EMAIL = "secret-owner@example.com";
    static final String OLD = "velvet tractor orbits quietly";
    static final String NEW = "marble canyon whistles softly";
    static final String WEAK = "tiny-weak-pw";

    /** Held while a test runs: java.util.logging forgets the level of a logger nobody holds. */
    private static final List<Logger> OPERATOR_LEVELS = new ArrayList<>();

    @TempDir
    Path dir;

    /**
     * Run with each transport. With {@code smtp}, an operator has also turned up the loggers that write
     * the SMTP conversation (the reset link) and Helidon's request logs, as one debugging delivery
     * would: the guard must hold anyway.
     */
    @ParameterizedTest
    @ValueSource(strings = {"file", "smtp"})
    void noRawSecretInLogsDatabaseFilesOrErrors(String transport) throws Exception {
        List<String> secrets = new ArrayList<>(List.of(OLD, NEW, WEAK));
        List<Response> responses = new ArrayList<>();
        String logs;
        GreenMail smtp = null;
        Map<String, String> settings = Map.of();
        if (transport.equals("smtp")) {
            int port = Smtp.freePort();
            // The receiving mail server runs in this JVM only for the test; in use it is another program,
            // and its own log of what it received is not Latchkey's.
            OPERATOR_LEVELS.add(Logger.getLogger("com.icegreen.greenmail"));
            smtp = Smtp.server(port);
            smtp.start();
            settings = Smtp.settings(port);
        }
        // The capture attaches after start: starting the web server re-reads the logging configuration,
        // which removes every handler. What is checked is the server's state once it runs, with the
        // operator's levels in place when the guard applies (as at start-up).
        try (TestServer server = TestServer.start(dir, settings); LogCapture capture = new LogCapture()) {
            for (String chatty : List.of("org.eclipse.angus.mail", "org.eclipse.angus.mail.smtp.protocol",
                    "io.helidon.webserver.http1", "io.helidon.dbclient.jdbc")) {
                OPERATOR_LEVELS.add(Logger.getLogger(chatty));
            }
            OPERATOR_LEVELS.forEach(logger -> logger.setLevel(logger.getName().startsWith("com.icegreen")
                    ? Level.INFO : Level.FINEST));
            LogGuard.apply();
            server.addUser(EMAIL, OLD, Role.USER);
            String session = server.signIn(EMAIL, OLD);
            secrets.add(session);
            responses.add(server.post("/api/v1/sessions", "{\"email\":\"" + EMAIL + "\",\"password\":\"" + WEAK + "\"}"));
            assertThat(server.post("/api/v1/password-resets", "{\"email\":\"" + EMAIL + "\"}").status()).isEqualTo(202);
            server.flushMail();
            String resetMail = smtp == null ? Mail.text(server.messagesTo(EMAIL).getLast())
                    : Mail.text(smtp.getReceivedMessages()[smtp.getReceivedMessages().length - 1]);
            String token = TestServer.tokenIn(resetMail);
            secrets.add(token);
            String report = TestServer.reportTokenIn(resetMail);
            secrets.add(report);
            responses.add(server.post("/api/v1/reports/verify", "{\"token\":\"" + report + "\"}"));
            responses.add(server.post("/api/v1/password-resets/complete",
                    "{\"token\":\"" + token + "\",\"newPassword\":\"" + WEAK + "\"}"));
            responses.add(server.post("/api/v1/password-resets/complete",
                    "{\"token\":\"" + token + "\",\"newPassword\":\"" + NEW + "\"}"));
            responses.add(server.post("/api/v1/password-resets/complete",
                    "{\"token\":\"" + token + "\",\"newPassword\":\"" + NEW + "\"}"));
            responses.add(server.post("/api/v1/password-resets/verify", "{\"token\":\"" + token + "\"}"));
            responses.add(server.get("/api/v1/me", session));
            responses.add(server.post("/api/v1/reports", "{\"token\":\"" + report + "\"}"));
            responses.add(server.post("/api/v1/reports", "{\"token\":\"" + report + "\"}"));
            String second = server.signIn(EMAIL, NEW);
            secrets.add(second);
            responses.add(server.post("/api/v1/me/password",
                    "{\"currentPassword\":\"" + WEAK + "\",\"newPassword\":\"" + OLD + "\"}", "127.0.0.1", second));
            server.flushMail();
            logs = capture.text();
        } finally {
            OPERATOR_LEVELS.forEach(logger -> logger.setLevel(null));
            OPERATOR_LEVELS.clear();
            if (smtp != null) {
                smtp.stop();
            }
        }
        assertThat(logs).as("the capture saw the server's logs").contains("Mail job");
        for (String secret : secrets) {
            assertThat(logs).doesNotContain(secret);
            for (Response response : responses) {
                assertThat(response.body()).doesNotContain(secret);
                assertThat(response.headers().map().toString()).doesNotContain(secret);
            }
        }
        byte[] databaseBytes = FileScan.allBytesUnder(dir.resolve("db"), dir.resolve("derby.log"));
        assertThat(FileScan.contains(databaseBytes, EMAIL)).as("the scan can see stored text").isTrue();
        for (String secret : secrets) {
            assertThat(FileScan.contains(databaseBytes, secret)).as("database files hold " + secret).isFalse();
        }
    }
}
