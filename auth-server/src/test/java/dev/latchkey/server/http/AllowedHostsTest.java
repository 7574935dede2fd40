package dev.latchkey.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.latchkey.server.support.LogCapture;
import dev.latchkey.server.support.RecordingResolver;
import dev.latchkey.server.support.TestServer;
import dev.latchkey.server.support.TestServer.Response;

/**
 * DNS rebinding: a web page whose name now points at 127.0.0.1 reaches the embedded server with its own
 * name in {@code Host}. Only loopback names and the public URL's host (or {@code server.allowed-hosts})
 * are answered; anything else gets 421. Hostile {@code Host} and {@code X-Forwarded-For} values never
 * get a 5xx.
 */
class AllowedHostsTest {
    @TempDir
    Path dir;

    /** The status line and headers of a request sent with exactly this {@code Host} header. */
    static String withHost(TestServer server, String method, String path, String host) {
        return server.rawRequest(method + " " + path + " HTTP/1.1\r\nHost: " + host
                + "\r\nContent-Type: application/json", method.equals("POST") ? "{\"email\":\"rebind@example.com\"}" : "");
    }

    @Test
    void hostWhenForeignNameThen421AndWhenLoopbackThenServed() {
        try (TestServer server = TestServer.start(dir)) {
            int port = server.server().port();
            String refused = withHost(server, "POST", "/api/v1/password-resets", "attacker.example:" + port);
            assertThat(refused).startsWith("HTTP/1.1 421").containsIgnoringCase("Cache-Control: no-store")
                    .containsIgnoringCase("X-Content-Type-Options: nosniff");
            assertThat(withHost(server, "GET", "/api/v1/password-policy", "rebind.attacker.example"))
                    .startsWith("HTTP/1.1 421");
            assertThat(withHost(server, "GET", "/reset", "attacker.example")).startsWith("HTTP/1.1 421");
            assertThat(withHost(server, "GET", "/api/v1/password-policy", "localhost:" + port))
                    .startsWith("HTTP/1.1 200");
            assertThat(withHost(server, "GET", "/api/v1/password-policy", "127.0.0.1:" + port))
                    .startsWith("HTTP/1.1 200");
            assertThat(withHost(server, "GET", "/api/v1/password-policy", "[::1]:" + port))
                    .startsWith("HTTP/1.1 200");
        }
    }

    @Test
    void hostWhenPublicUrlsOrListedThenServed() {
        try (TestServer server = TestServer.start(dir, Map.of("auth.public-url", "https://login.example.org"))) {
            assertThat(withHost(server, "GET", "/api/v1/password-policy", "login.example.org"))
                    .startsWith("HTTP/1.1 200");
            assertThat(withHost(server, "GET", "/api/v1/password-policy", "LOGIN.example.org."))
                    .startsWith("HTTP/1.1 200");
            assertThat(withHost(server, "GET", "/api/v1/password-policy", "other.example.org"))
                    .startsWith("HTTP/1.1 421");
        }
        try (TestServer server = TestServer.start(dir, Map.of("server.allowed-hosts", "auth.internal, 10.1.2.3"))) {
            assertThat(withHost(server, "GET", "/api/v1/password-policy", "auth.internal"))
                    .startsWith("HTTP/1.1 200");
            assertThat(withHost(server, "GET", "/api/v1/password-policy", "10.1.2.3:8080"))
                    .startsWith("HTTP/1.1 200");
            assertThat(withHost(server, "GET", "/api/v1/password-policy", "localhost"))
                    .startsWith("HTTP/1.1 421");
        }
    }

    @Test
    void hostileHostOrForwardedForNeverGetsA5xxOrALogLine() {
        List<String> hosts = List.of("", "[", "[::1", "]", ":::", "[::1]:", "127.0.0.1:99999", "a b",
                "localhost\tx", "x".repeat(4000), "\u00e9vil.example", "999.999.999.999", "[v1.fe80::a+en1]");
        List<String> forwarded = List.of("999.999.999.999", "256.1.1.1", "1.2.3.4.5", "::ffff:999.1.1.1", "[::1",
                "2001:db8::1%eth0", ", ,", "\u00e9", "x".repeat(2000), "1.2.3.4, 999.999.999.999",
                "' OR 1=1 --");
        try (TestServer server = TestServer.start(dir); LogCapture capture = new LogCapture()) {
            for (String host : hosts) {
                // Refused (4xx), or, for a loopback name with a bogus port, served: never a 5xx.
                String status = withHost(server, "GET", "/api/v1/password-policy", host);
                assertThat(status).as("Host: %s", host).matches("HTTP/1\\.1 [24]\\d\\d (?s).*");
            }
            // Without any Host header (HTTP/1.0 allows that): refused, not answered for any name.
            assertThat(server.rawRequest("GET /api/v1/password-policy HTTP/1.0", "")).matches("HTTP/1\\.[01] 4\\d\\d (?s).*");
            for (int i = 0; i < forwarded.size(); i++) {
                Response response = server.post("/api/v1/password-resets", "{\"email\":\"xff" + i + "@example.com\"}",
                        forwarded.get(i), null);
                assertThat(response.status()).as("X-Forwarded-For: %s", forwarded.get(i)).isEqualTo(202);
            }
            assertThat(capture.text()).doesNotContain("WARNING").doesNotContain("SEVERE");
            // A bad literal is not taken for a name: no client text reaches DNS.
            assertThat(RecordingResolver.lookups()).doesNotContainAnyElementsOf(forwarded)
                    .noneMatch(name -> name.contains("999"));
        }
    }
}
