package dev.latchkey.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import dev.latchkey.server.db.Rows;
import dev.latchkey.server.support.Mail;
import dev.latchkey.server.support.Nginx;
import dev.latchkey.server.support.Smtp;
import dev.latchkey.server.support.TestDatabase;
import dev.latchkey.server.support.TestServer;

/**
 * Two instances on one PostgreSQL behind nginx, configured from the template bin/cluster uses; clients
 * come from distinct loopback addresses (127.0.0.x), so the instances see each one's own IP only
 * through the proxy's {@code X-Forwarded-For}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProxyTest {
    static final String PASSWORD = "velvet tractor orbits quietly";

    @TempDir
    static Path dirA;
    @TempDir
    static Path dirB;
    @TempDir
    static Path state;
    static TestDatabase database;
    static TestServer a;
    static TestServer b;
    static Nginx nginx;
    static boolean aStopped;

    @BeforeAll
    static void start() throws Exception {
        database = TestDatabase.createPostgresql();
        int proxyPort = Smtp.freePort();
        Map<String, String> settings = new HashMap<>(database.settings());
        settings.put("auth.public-url", "http://127.0.0.1:" + proxyPort);
        a = TestServer.start(dirA, settings);
        b = TestServer.start(dirB, settings);
        nginx = Nginx.start(state, proxyPort, List.of(a.server().port(), b.server().port()));
    }

    @AfterAll
    static void stop() {
        try (TestDatabase db = database; Nginx proxy = nginx; TestServer server = b) {
            if (!aStopped) {
                a.close();
            }
        }
    }

    /** A request through the proxy from the loopback address {@code from}, with a forged X-Forwarded-For. */
    static HttpResponse<String> post(String from, String path, String json) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().localAddress(InetAddress.getByName(from))
                .version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + nginx.port() + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("X-Forwarded-For", "198.51.100.77")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** Audit rows naming {@code ip}, once both senders have handled the queue (they audit deliveries). */
    static int auditRowsFrom(String ip) {
        a.flushMail();
        b.flushMail();
        return b.db().execute().get("SELECT COUNT(*) AS n FROM audit_event WHERE client_ip = ?", ip)
                .map(row -> Rows.intOf(row, "n")).orElse(0);
    }

    @Test
    @Order(1)
    void resetThroughTheProxyCompletes() throws Exception {
        String email = a.newUser("proxied", PASSWORD);
        assertThat(post("127.0.0.2", "/api/v1/password-resets", "{\"email\":\"" + email + "\"}").statusCode())
                .isEqualTo(202);
        List<String> texts = new ArrayList<>();
        a.messagesTo(email).forEach(m -> texts.add(Mail.text(m)));
        b.messagesTo(email).forEach(m -> texts.add(Mail.text(m)));
        assertThat(texts).singleElement().asString()
                .contains("http://127.0.0.1:" + nginx.port() + "/reset#token=");
        String token = TestServer.tokenIn(texts.get(0));
        String newPassword = "marble canyon whistles softly";
        assertThat(post("127.0.0.2", "/api/v1/password-resets/complete",
                "{\"token\":\"" + token + "\",\"newPassword\":\"" + newPassword + "\"}").statusCode()).isEqualTo(200);
        assertThat(post("127.0.0.2", "/api/v1/sessions",
                "{\"email\":\"" + email + "\",\"password\":\"" + newPassword + "\"}").statusCode()).isEqualTo(201);
    }

    @Test
    @Order(2)
    void limitsWhenBehindTheProxyThenCountTheClientsOwnIp() throws Exception {
        for (int i = 0; i < 20; i++) {
            assertThat(post("127.0.0.3", "/api/v1/password-resets", "{\"email\":\"x" + i + "@example.com\"}")
                    .statusCode()).as("request %d", i + 1).isEqualTo(202);
        }
        HttpResponse<String> refused = post("127.0.0.3", "/api/v1/password-resets", "{\"email\":\"y@example.com\"}");
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(post("127.0.0.4", "/api/v1/password-resets", "{\"email\":\"y@example.com\"}").statusCode())
                .as("another client behind the same proxy").isEqualTo(202);
        assertThat(auditRowsFrom("127.0.0.4")).as("the audit trail names the client").isPositive();
        assertThat(auditRowsFrom("198.51.100.77")).as("a client's own X-Forwarded-For is never believed").isZero();
    }

    @Test
    @Order(3)
    void requestsWhenSentThroughTheProxyThenBothInstancesAnswer() throws Exception {
        for (int i = 0; i < 10; i++) {
            post("127.0.0.5", "/api/v1/password-resets", "{\"email\":\"spread" + i + "@example.com\"}");
        }
        List<String> log = nginx.accessLog();
        assertThat(log).anyMatch(line -> line.contains(" 127.0.0.1:" + a.server().port() + " "));
        assertThat(log).anyMatch(line -> line.contains(" 127.0.0.1:" + b.server().port() + " "));
    }

    @Test
    @Order(4)
    void instanceWhenStoppedMidRunThenRequestsKeepSucceeding() throws Exception {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            if (i == 10) {
                a.close();
                aStopped = true;
            }
            statuses.add(post("127.0.0." + (10 + i % 10), "/api/v1/password-resets",
                    "{\"email\":\"midrun" + i + "@example.com\"}").statusCode());
        }
        assertThat(statuses).containsOnly(202);
    }
}
