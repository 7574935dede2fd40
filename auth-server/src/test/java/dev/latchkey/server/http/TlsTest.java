package dev.latchkey.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

import javax.net.ssl.SSLHandshakeException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.latchkey.server.support.Mail;
import dev.latchkey.server.support.TestCertificate;
import dev.latchkey.server.support.TestServer;

/** {@code server.tls}: a whole reset over HTTPS with a certificate made for the test, and HSTS. */
class TlsTest {
    private static final String PASSWORD = "velvet tractor orbits quietly";
    private static final String NEW_PASSWORD = "copper lantern drifts at noon";

    private final TestCertificate certificate = TestCertificate.shared();

    @TempDir
    Path dir;


    @Test
    void resetWhenServedOverTlsThenCompletesOverHttpsWithHttpsLinksAndHsts() throws Exception {
        try (TestServer server = TestServer.start(dir, certificate.serverSettings())) {
            URI base = server.server().baseUri();
            assertThat(base.getScheme()).isEqualTo("https");
            String email = server.newUser("tls", PASSWORD);
            HttpClient https = HttpClient.newBuilder().sslContext(certificate.trustingIt())
                    .connectTimeout(Duration.ofSeconds(10)).build();

            HttpResponse<String> requested = post(https, base, "/api/v1/password-resets",
                    "{\"email\":\"" + email + "\"}");
            assertThat(requested.statusCode()).isEqualTo(202);
            assertThat(requested.headers().firstValue("Strict-Transport-Security")).contains("max-age=31536000");

            server.flushMail();
            String text = Mail.text(server.messagesTo(email).get(0));
            assertThat(text).contains(base + "/reset#token=");
            String token = TestServer.tokenIn(text);
            HttpResponse<String> completed = post(https, base, "/api/v1/password-resets/complete",
                    "{\"token\":\"" + token + "\",\"newPassword\":\"" + NEW_PASSWORD + "\"}");
            assertThat(completed.statusCode()).isEqualTo(200);
            HttpResponse<String> signedIn = post(https, base, "/api/v1/sessions",
                    "{\"email\":\"" + email + "\",\"password\":\"" + NEW_PASSWORD + "\"}");
            assertThat(signedIn.statusCode()).isEqualTo(201);

            // Errors carry it too: the error handler rebuilds a response's headers.
            HttpResponse<String> refused = post(https, base, "/api/v1/password-resets/complete", "{");
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.headers().firstValue("Strict-Transport-Security")).isPresent();
        }
    }

    @Test
    void clientWhenItDoesNotTrustTheCertificateThenTheHandshakeFails() {
        try (TestServer server = TestServer.start(dir, certificate.serverSettings())) {
            HttpClient defaults = HttpClient.newHttpClient();

            assertThatThrownBy(() -> post(defaults, server.server().baseUri(), "/api/v1/password-resets",
                    "{\"email\":\"someone@example.com\"}")).isInstanceOf(SSLHandshakeException.class);
        }
    }

    @Test
    void plainHttpWhenNoTlsThenNoHsts() {
        try (TestServer server = TestServer.start(dir)) {
            assertThat(server.server().baseUri().getScheme()).isEqualTo("http");
            assertThat(server.post("/api/v1/password-resets", "{\"email\":\"someone@example.com\"}")
                    .header("Strict-Transport-Security")).isNull();
        }
    }

    private static HttpResponse<String> post(HttpClient client, URI base, String path, String json)
            throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
