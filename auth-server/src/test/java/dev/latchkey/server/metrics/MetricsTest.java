package dev.latchkey.server.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.latchkey.server.mfa.Totp;
import dev.latchkey.server.support.TestServer;
import dev.latchkey.server.support.TestServer.Response;

/** /observe/metrics: the outcomes it counts, who may read it, and what its labels never hold. */
class MetricsTest {
    private static final String PASSWORD = "velvet tractor orbits quietly";
    private static final String NEW_PASSWORD = "copper lantern drifts at noon";
    private static final String CLIENT = "198.51.100.77";

    @TempDir
    Path dir;

    @Test
    void scrapeWhenResetsAndSignInsThenEachOutcomeCounted() {
        try (TestServer server = TestServer.start(dir)) {
            String email = server.newUser("metrics", PASSWORD);
            String before = scrape(server);
            server.post("/api/v1/password-resets", "{\"email\":\"nobody-here@example.com\"}");
            for (int i = 0; i < 4; i++) {
                server.post("/api/v1/password-resets", "{\"email\":\"" + email + "\"}");
            }
            String token = server.latestTokenFor(email);
            server.post("/api/v1/password-resets/complete", "{\"token\":\"" + "x".repeat(64)
                    + "\",\"newPassword\":\"" + NEW_PASSWORD + "\"}");
            assertThat(server.post("/api/v1/password-resets/complete", "{\"token\":\"" + token
                    + "\",\"newPassword\":\"" + NEW_PASSWORD + "\"}").status()).isEqualTo(200);
            assertThat(server.post("/api/v1/sessions", signIn(email, PASSWORD)).status()).isEqualTo(401);
            server.signIn(email, NEW_PASSWORD);
            server.flushMail();
            server.clock.advance(Duration.ofSeconds(5)); // past the queue gauges' cache of the first scrape

            String metrics = scrape(server);

            // The unknown address and the known one's first three; its fourth in 15 minutes is throttled.
            assertThat(delta(before, metrics, "latchkey_resets_total", "outcome", "requested")).isEqualTo(4);
            assertThat(delta(before, metrics, "latchkey_resets_total", "outcome", "throttled")).isEqualTo(1);
            assertThat(delta(before, metrics, "latchkey_resets_total", "outcome", "token_rejected")).isEqualTo(1);
            assertThat(delta(before, metrics, "latchkey_resets_total", "outcome", "completed")).isEqualTo(1);
            assertThat(delta(before, metrics, "latchkey_sign_ins_total", "outcome", "succeeded")).isEqualTo(1);
            assertThat(delta(before, metrics, "latchkey_sign_ins_total", "outcome", "failed")).isEqualTo(1);
            assertThat(delta(before, metrics, "latchkey_sign_ins_total", "outcome", "throttled")).isZero();
            // The wrong and the right password, and the new password's hash.
            assertThat(delta(before, metrics, "latchkey_password_hash_slot_wait_seconds_count", null, null))
                    .isEqualTo(3);
            assertThat(value(metrics, "latchkey_mail_jobs", "status", "discarded")).isEqualTo(1);
            assertThat(value(metrics, "latchkey_mail_jobs", "status", "sent")).isGreaterThanOrEqualTo(2);
            assertThat(value(metrics, "latchkey_mail_jobs", "status", "queued")).isZero();
            assertThat(value(metrics, "latchkey_mail_oldest_queued_age_seconds", null, null)).isZero();
        }
    }

    @Test
    void scrapeWhenSignInsThrottledThenCountedAsThrottled() {
        try (TestServer server = TestServer.start(dir)) {
            String email = server.newUser("locked", PASSWORD);
            String before = scrape(server);
            int throttled = 0;
            for (int i = 0; i < 8; i++) {
                if (server.post("/api/v1/sessions", signIn(email, "not the password at all")).status() == 429) {
                    throttled++;
                }
            }
            assertThat(throttled).isPositive();
            assertThat(delta(before, scrape(server), "latchkey_sign_ins_total", "outcome", "throttled"))
                    .isEqualTo(throttled);
        }
    }

    @Test
    void scrapeWhenSecondFactorsPresentedThenEachOutcomeCounted() {
        try (TestServer server = TestServer.start(dir)) {
            String email = server.newUser("factor", PASSWORD);
            String before = scrape(server);
            TestServer.Enrolled factor = server.enrolSecondFactor(email, PASSWORD, "127.0.0.1");
            server.clock.advance(Totp.STEP);
            String code = new Totp().codeAt(factor.key(), Totp.stepOf(server.clock.instant()));
            for (String secondFactor : new String[] {code, code, factor.recoveryCodes().get(0)}) {
                server.post("/api/v1/sessions", "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD
                        + "\",\"secondFactor\":\"" + secondFactor + "\"}");
            }
            String metrics = scrape(server);
            assertThat(delta(before, metrics, "latchkey_second_factor_total", "outcome", "enrolled")).isEqualTo(1);
            assertThat(delta(before, metrics, "latchkey_second_factor_total", "outcome", "accepted")).isEqualTo(1);
            assertThat(delta(before, metrics, "latchkey_second_factor_total", "outcome", "rejected"))
                    .as("the code used twice").isEqualTo(1);
            assertThat(delta(before, metrics, "latchkey_second_factor_total", "outcome", "recovery_code_used"))
                    .isEqualTo(1);
        }
    }

    @Test
    void scrapeWhenPerIpLimitsRefuseThenEachRefusalCountedByLimit() {
        try (TestServer server = TestServer.start(dir)) {
            String before = scrape(server);
            assertThat(value(before, "latchkey_rate_limited_total", "limit", "weak_passwords_per_ip")).isZero();
            for (int i = 0; i < 22; i++) {
                server.post("/api/v1/password-resets", "{\"email\":\"limited" + i + "@example.com\"}", CLIENT, null);
            }
            for (int i = 0; i < 31; i++) {
                server.post("/api/v1/password-resets/verify", "{\"token\":\"" + "y".repeat(64) + "\"}", CLIENT, null);
            }

            String metrics = scrape(server);

            assertThat(delta(before, metrics, "latchkey_rate_limited_total", "limit", "reset_per_ip")).isEqualTo(2);
            assertThat(delta(before, metrics, "latchkey_rate_limited_total", "limit", "token_failures_per_ip"))
                    .isEqualTo(1);
            assertThat(delta(before, metrics, "latchkey_rate_limited_total", "limit", "signin_failures_per_ip"))
                    .isZero();
        }
    }

    @Test
    void scrapeWhenMailCannotBeDeliveredThenOldestQueuedAgeGrows() {
        // An SMTP server that is not there: the job fails and waits, queued, for its retry.
        try (TestServer server = TestServer.start(dir, Map.of("auth.mail.transport", "smtp",
                "auth.mail.smtp.host", "127.0.0.1", "auth.mail.smtp.port", "1"))) {
            String email = server.newUser("stuck", PASSWORD);
            server.post("/api/v1/password-resets", "{\"email\":\"" + email + "\"}");
            server.flushMail();
            server.clock.advance(Duration.ofMinutes(3));

            String metrics = scrape(server);

            assertThat(value(metrics, "latchkey_mail_jobs", "status", "queued")).isEqualTo(1);
            assertThat(value(metrics, "latchkey_mail_oldest_queued_age_seconds", null, null))
                    .isGreaterThanOrEqualTo(180);
        }
    }

    @Test
    void scrapeWhenTrafficThenNoAddressIpOrTokenInTheDocument() {
        try (TestServer server = TestServer.start(dir)) {
            String email = server.newUser("secretive", PASSWORD);
            server.post("/api/v1/password-resets", "{\"email\":\"" + email + "\"}", CLIENT, null);
            String token = server.latestTokenFor(email);
            server.post("/api/v1/password-resets/verify", "{\"token\":\"" + token + "\"}", CLIENT, null);
            server.post("/api/v1/sessions", signIn(email, "wrong wrong wrong wrong"), CLIENT, null);

            String metrics = scrape(server);

            assertThat(metrics).doesNotContain(email).doesNotContain(email.substring(0, email.indexOf('@')))
                    .doesNotContain(CLIENT).doesNotContain(token).doesNotContain(token.substring(0, 16));
            // Every label of Latchkey's own meters is a fixed word or a quantile.
            Matcher labels = Pattern.compile("(?m)^latchkey_\\w+\\{([^}]*)}").matcher(metrics);
            while (labels.find()) {
                assertThat(labels.group(1)).matches("(\\w+=\"[a-z_0-9.]+\",?)*");
            }
        }
    }

    @Test
    void scrapeWhenRetentionDeletedRowsThenCountedByKind() {
        try (TestServer server = TestServer.start(dir)) {
            server.post("/api/v1/password-resets", "{\"email\":\"nobody-kept@example.com\"}");
            server.flushMail();
            String before = scrape(server);
            server.clock.advance(Duration.ofDays(30).plusMinutes(1));

            server.server().retention().runOnce();
            String metrics = scrape(server);

            assertThat(delta(before, metrics, "latchkey_retention_deleted_total", "kind", "mail_sent")).isEqualTo(1);
            assertThat(delta(before, metrics, "latchkey_retention_deleted_total", "kind", "audit")).isZero();
        }
    }

    @Test
    void scrapeWhenRemoteCallerThenAnswersAsAnAddressWithNothingThere() {
        try (TestServer server = TestServer.start(dir)) {
            Response metrics = server.send(server.request("/observe/metrics", "203.0.113.9", null).GET());
            Response nothing = server.send(server.request("/observe/nothing-here", "203.0.113.9", null).GET());

            assertThat(metrics.status()).isEqualTo(404);
            assertThat(metrics.body()).isEqualTo(nothing.body());
            assertThat(metrics.headersWithoutDate()).isEqualTo(nothing.headersWithoutDate());
        }
        try (TestServer server = TestServer.start(dir, Map.of("auth.metrics.for-all", "true"))) {
            Response remote = server.send(server.request("/observe/metrics", "203.0.113.9", null).GET());
            assertThat(remote.status()).isEqualTo(200);
            assertThat(remote.body()).contains("latchkey_resets_total");
        }
    }

    @Test
    void scrapeWhenForwardedForAnotherMachineThenNotThisMachineWhateverTheProxySettings() {
        // The loopback peer is no trusted proxy here: the client address is the peer's own, 127.0.0.1,
        // yet the request says it was forwarded for another machine.
        try (TestServer server = TestServer.start(dir, Map.of("auth.trusted-proxies", "192.0.2.1"))) {
            assertThat(server.send(server.request("/observe/metrics", "203.0.113.9", null).GET()).status())
                    .isEqualTo(404);
        }
        try (TestServer server = TestServer.start(dir)) {
            assertThat(server.rawRequest("GET /observe/metrics HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "X-Forwarded-For: 127.0.0.1\r\nForwarded: for=203.0.113.9", "")).startsWith("HTTP/1.1 404");
            assertThat(server.rawRequest("GET /observe/metrics HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "X-Forwarded-For: 127.0.0.1\r\nX-Forwarded-For: 203.0.113.9", "")).startsWith("HTTP/1.1 404");
            assertThat(server.rawRequest("GET /observe/metrics HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "X-Forwarded-For: 127.0.0.1", "")).startsWith("HTTP/1.1 200");
        }
    }

    private static String scrape(TestServer server) {
        Response response = server.send(server.request("/observe/metrics", "127.0.0.1", null)
                .header("Accept", "text/plain").GET());
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.header("Content-Type")).startsWith("text/plain");
        return response.body();
    }

    /** How much a counter grew between two scrapes (counters are the JVM's: other tests' servers count too). */
    private static double delta(String before, String after, String name, String label, String value) {
        return value(after, name, label, value) - value(before, name, label, value);
    }

    /** The value of the sample {@code name} whose labels include {@code label="value"} (any, when null). */
    private static double value(String metrics, String name, String label, String value) {
        Matcher m = Pattern.compile("(?m)^" + name + "(\\{[^}]*})? ([0-9.eE+-]+)$").matcher(metrics);
        while (m.find()) {
            if (label == null || m.group(1) != null && m.group(1).contains(label + "=\"" + value + "\"")) {
                return Double.parseDouble(m.group(2));
            }
        }
        throw new AssertionError("No sample " + name + " " + label + "=" + value + " in:\n" + metrics);
    }

    private static String signIn(String email, String password) {
        return "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}";
    }
}
