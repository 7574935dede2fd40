package dev.latchkey.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.latchkey.server.support.TestServer;

/**
 * DNS rebinding: a web page whose name now points at 127.0.0.1 reaches the embedded server with its own
 * name in {@code Host}. Only loopback names and the public URL's host (or {@code server.allowed-hosts})
 * are answered; anything else gets 421.
 */
class AllowedHostsTest {
    @TempDir
    Path dir;

    /** The status line of a request sent with exactly this {@code Host} header. */
    static String statusWithHost(TestServer server, String method, String path, String host) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", server.server().port())) {
            OutputStream out = socket.getOutputStream();
            String body = method.equals("POST") ? "{\"email\":\"rebind@example.com\"}" : "";
            out.write((method + " " + path + " HTTP/1.1\r\nHost: " + host + "\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + body.length() + "\r\nConnection: close\r\n\r\n" + body)
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
        }
    }

    @Test
    void hostWhenForeignNameThen421AndWhenLoopbackThenServed() throws Exception {
        try (TestServer server = TestServer.start(dir)) {
            int port = server.server().port();
            assertThat(statusWithHost(server, "POST", "/api/v1/password-resets", "attacker.example:" + port))
                    .startsWith("HTTP/1.1 421");
            assertThat(statusWithHost(server, "GET", "/api/v1/password-policy", "rebind.attacker.example"))
                    .startsWith("HTTP/1.1 421");
            assertThat(statusWithHost(server, "GET", "/reset", "attacker.example")).startsWith("HTTP/1.1 421");
            assertThat(statusWithHost(server, "GET", "/api/v1/password-policy", "localhost:" + port))
                    .startsWith("HTTP/1.1 200");
            assertThat(statusWithHost(server, "GET", "/api/v1/password-policy", "127.0.0.1:" + port))
                    .startsWith("HTTP/1.1 200");
            assertThat(statusWithHost(server, "GET", "/api/v1/password-policy", "[::1]:" + port))
                    .startsWith("HTTP/1.1 200");
        }
    }

    @Test
    void hostWhenPublicUrlsOrListedThenServed() throws Exception {
        try (TestServer server = TestServer.start(dir, Map.of("auth.public-url", "https://login.example.org"))) {
            assertThat(statusWithHost(server, "GET", "/api/v1/password-policy", "login.example.org"))
                    .startsWith("HTTP/1.1 200");
            assertThat(statusWithHost(server, "GET", "/api/v1/password-policy", "LOGIN.example.org."))
                    .startsWith("HTTP/1.1 200");
            assertThat(statusWithHost(server, "GET", "/api/v1/password-policy", "other.example.org"))
                    .startsWith("HTTP/1.1 421");
        }
        try (TestServer server = TestServer.start(dir, Map.of("server.allowed-hosts", "auth.internal, 10.1.2.3"))) {
            assertThat(statusWithHost(server, "GET", "/api/v1/password-policy", "auth.internal"))
                    .startsWith("HTTP/1.1 200");
            assertThat(statusWithHost(server, "GET", "/api/v1/password-policy", "10.1.2.3:8080"))
                    .startsWith("HTTP/1.1 200");
            assertThat(statusWithHost(server, "GET", "/api/v1/password-policy", "localhost"))
                    .startsWith("HTTP/1.1 421");
        }
    }
}
