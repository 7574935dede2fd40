package dev.latchkey.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.latchkey.api.Role;
import dev.latchkey.server.support.LogCapture;
import dev.latchkey.server.support.TestServer;
import dev.latchkey.server.support.TestServer.Response;

/** No log line, database file or error message ever holds a raw reset token, session token or password. */
class SecretsTest {
    static final String EMAIL = "secret-owner@example.com";
    static final String OLD = "velvet tractor orbits quietly";
    static final String NEW = "marble canyon whistles softly";
    static final String WEAK = "tiny-weak-pw";

    @TempDir
    Path dir;

    @Test
    void noRawSecretInLogsDatabaseFilesOrErrors() throws Exception {
        List<String> secrets = new ArrayList<>(List.of(OLD, NEW, WEAK));
        List<Response> responses = new ArrayList<>();
        String logs;
        // The capture attaches after start: starting the web server re-reads the logging configuration,
        // which removes every handler. What is checked is the server's state once it runs.
        try (TestServer server = TestServer.start(dir); LogCapture capture = new LogCapture()) {
            server.addUser(EMAIL, OLD, Role.USER);
            String session = server.signIn(EMAIL, OLD);
            secrets.add(session);
            responses.add(server.post("/api/v1/sessions", "{\"email\":\"" + EMAIL + "\",\"password\":\"" + WEAK + "\"}"));
            String token = server.requestToken(EMAIL);
            secrets.add(token);
            responses.add(server.post("/api/v1/password-resets/complete",
                    "{\"token\":\"" + token + "\",\"newPassword\":\"" + WEAK + "\"}"));
            responses.add(server.post("/api/v1/password-resets/complete",
                    "{\"token\":\"" + token + "\",\"newPassword\":\"" + NEW + "\"}"));
            responses.add(server.post("/api/v1/password-resets/complete",
                    "{\"token\":\"" + token + "\",\"newPassword\":\"" + NEW + "\"}"));
            responses.add(server.post("/api/v1/password-resets/verify", "{\"token\":\"" + token + "\"}"));
            responses.add(server.get("/api/v1/me", session));
            String second = server.signIn(EMAIL, NEW);
            secrets.add(second);
            responses.add(server.post("/api/v1/me/password",
                    "{\"currentPassword\":\"" + WEAK + "\",\"newPassword\":\"" + OLD + "\"}", "127.0.0.1", second));
            server.flushMail();
            logs = capture.text();
        }
        assertThat(logs).as("the capture saw the server's logs").contains("Mail job");
        for (String secret : secrets) {
            assertThat(logs).doesNotContain(secret);
            for (Response response : responses) {
                assertThat(response.body()).doesNotContain(secret);
                assertThat(response.headers().map().toString()).doesNotContain(secret);
            }
        }
        byte[] databaseBytes = allBytesUnder(dir.resolve("db"), dir.resolve("derby.log"));
        assertThat(contains(databaseBytes, EMAIL)).as("the scan can see stored text").isTrue();
        for (String secret : secrets) {
            assertThat(contains(databaseBytes, secret)).as("database files hold " + secret).isFalse();
        }
    }

    private static byte[] allBytesUnder(Path... roots) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (Path root : roots) {
            if (!Files.exists(root)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    all.write(Files.readAllBytes(file));
                }
            }
        }
        return all.toByteArray();
    }

    /** Looks for the text as UTF-8 and as UTF-16 (Derby may store either). */
    private static boolean contains(byte[] haystack, String text) {
        return indexOf(haystack, text.getBytes(StandardCharsets.UTF_8)) >= 0
                || indexOf(haystack, text.getBytes(StandardCharsets.UTF_16BE)) >= 0
                || indexOf(haystack, text.getBytes(StandardCharsets.UTF_16LE)) >= 0;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
