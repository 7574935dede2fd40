package dev.latchkey.server.reset;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.ArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.latchkey.api.Role;
import dev.latchkey.server.support.OneServerPerClass;
import dev.latchkey.server.support.TestServer.Response;

/** Known and unknown addresses must look alike from outside; limits apply to both alike. */
class EnumerationTest extends OneServerPerClass {

    @BeforeAll
    static void addUsers() {
        server.addUser("known@example.com", "velvet tractor orbits quietly", Role.USER);
        server.addUser("capped@example.com", "velvet tractor orbits quietly", Role.USER);
    }

    private static Response request(String email, String ip) {
        return server.post("/api/v1/password-resets", "{\"email\":\"" + email + "\"}", ip, null);
    }

    @Test
    void requestForKnownAndUnknownEmailGivesSameStatusBodyAndHeaders() {
        Response known = request("known@example.com", "198.51.100.1");
        Response unknown = request("nobody@example.com", "198.51.100.1");
        assertThat(known.status()).isEqualTo(202);
        assertThat(unknown.status()).isEqualTo(known.status());
        assertThat(unknown.body()).isEqualTo(known.body());
        assertThat(unknown.headersWithoutDate()).isEqualTo(known.headersWithoutDate());
        server.flushMail();
        assertThat(server.messagesTo("known@example.com")).hasSize(1);
        assertThat(server.messagesTo("nobody@example.com")).isEmpty();
        assertThat(server.auditCount("RESET_REQUEST_UNKNOWN_ADDRESS", "nobody@example.com")).isEqualTo(1);
    }

    @Test
    void requestWhenOverPerEmailCapThenStill202ButAtMostThreeEmails() {
        Response first = request("capped@example.com", "198.51.100.2");
        for (int i = 0; i < 5; i++) {
            Response again = request("Capped@Example.com", "198.51.100.2");
            assertThat(again.status()).isEqualTo(202);
            assertThat(again.body()).isEqualTo(first.body());
        }
        assertThat(server.messagesTo("capped@example.com")).hasSize(3);
        assertThat(server.auditCount("RESET_REQUEST_THROTTLED", "capped@example.com")).isEqualTo(3);
    }

    @Test
    void requestWhenOverPerEmailCapForUnknownEmailThenThrottledAlike() {
        for (int i = 0; i < 6; i++) {
            assertThat(request("ghost@example.com", "198.51.100.3").status()).isEqualTo(202);
        }
        server.flushMail();
        assertThat(server.auditCount("RESET_REQUEST_UNKNOWN_ADDRESS", "ghost@example.com")).isEqualTo(3);
        assertThat(server.auditCount("RESET_REQUEST_THROTTLED", "ghost@example.com")).isEqualTo(3);
    }

    @Test
    void requestWhenOverPerIpLimitThen429WithRetryAfter() {
        for (int i = 0; i < 20; i++) {
            assertThat(request("someone" + i + "@example.org", "198.51.100.4").status()).isEqualTo(202);
        }
        Response limited = request("one-more@example.org", "198.51.100.4");
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.json().get("error").asText()).isEqualTo("rate_limited");
        assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 900L);
        assertThat(request("one-more@example.org", "198.51.100.5").status()).isEqualTo(202);
    }

    @Test
    void verifyWhenManyBadTokensInParallelThenAtMost30AreChecked() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 45; i++) {
                answers.add(pool.submit(() -> server.post("/api/v1/password-resets/verify",
                        "{\"token\":\"" + "B".repeat(64) + "\"}", "198.51.100.9", null).status()));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            assertThat(statuses.stream().filter(s -> s == 400).count()).isEqualTo(30);
            assertThat(statuses.stream().filter(s -> s == 429).count()).isEqualTo(15);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void verifyWhenTooManyFailuresFromOneIpThen429EvenForValidToken() {
        String token = server.requestToken("known@example.com");
        for (int i = 0; i < 30; i++) {
            Response bad = server.post("/api/v1/password-resets/verify", "{\"token\":\"" + "A".repeat(64) + "\"}",
                    "198.51.100.6", null);
            assertThat(bad.status()).isEqualTo(400);
        }
        Response limited = server.post("/api/v1/password-resets/verify", "{\"token\":\"" + token + "\"}",
                "198.51.100.6", null);
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.header("Retry-After")).isNotNull();
        assertThat(server.post("/api/v1/password-resets/verify", "{\"token\":\"" + token + "\"}", "198.51.100.7", null)
                .status()).isEqualTo(200);
    }
}
