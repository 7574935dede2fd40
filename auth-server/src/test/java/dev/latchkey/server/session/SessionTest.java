package dev.latchkey.server.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.bouncycastle.crypto.generators.OpenBSDBCrypt;
import org.junit.jupiter.api.Test;

import dev.latchkey.server.db.Rows;
import dev.latchkey.server.support.OneServerPerClass;
import dev.latchkey.server.support.TestServer.Response;
import dev.latchkey.server.token.Tokens;

class SessionTest extends OneServerPerClass {
    static final String PASSWORD = "velvet tractor orbits quietly";
    static final String NEW = "marble canyon whistles softly";

    static int ips;

    private static String newUser() {
        return server.newUser("member", PASSWORD);
    }

    /** A fresh client IP per test keeps the per-IP limits out of each other's way. */
    private static String newIp() {
        return "192.0.2." + (++ips);
    }

    private static Response signIn(String email, String password, String ip) {
        return server.post("/api/v1/sessions", "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}", ip,
                null);
    }

    @Test
    void signInReturnsSessionAndUser() {
        String email = newUser();
        Response response = signIn(email, PASSWORD, newIp());
        assertThat(response.status()).isEqualTo(201);
        assertThat(response.json().get("token").asText()).matches("[A-Za-z0-9_-]{43}");
        assertThat(response.json().get("user").get("email").asText()).isEqualTo(email);
        assertThat(response.json().get("user").get("role").asText()).isEqualTo("USER");
        String token = response.json().get("token").asText();
        Response me = server.get("/api/v1/me", token);
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().get("email").asText()).isEqualTo(email);
        assertThat(me.json().get("passwordChangedAt").asText()).isNotBlank();
    }

    @Test
    void signInWhenUnknownEmailThenSameAnswerAsWrongPassword() {
        String email = newUser();
        String ip = newIp();
        Response wrong = signIn(email, "not the password at all", ip);
        Response unknown = signIn("stranger@example.com", "not the password at all", ip);
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(unknown.body()).isEqualTo(wrong.body());
        assertThat(wrong.json().get("error").asText()).isEqualTo("invalid_credentials");
    }

    @Test
    void signInWhenFiveFailuresForUnknownEmailThen429AsForKnown() {
        for (String email : new String[] {newUser(), "phantom@example.com"}) {
            String ip = newIp();
            for (int i = 0; i < 5; i++) {
                assertThat(signIn(email, "wrong guess number " + i, ip).status()).isEqualTo(401);
            }
            Response limited = signIn(email, "wrong guess again", ip);
            assertThat(limited.status()).as(email).isEqualTo(429);
            assertThat(limited.json().get("error").asText()).isEqualTo("rate_limited");
            assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 60L);
        }
    }

    @Test
    void signInWhenHundredFailuresFromOneIpThen429ForEveryAddress() {
        String ip = newIp();
        for (int i = 0; i < 100; i++) {
            // A different address each time: the per-email throttle never trips, only the per-IP limit.
            assertThat(signIn("spray" + i + "@example.com", "guess", ip).status()).isEqualTo(401);
        }
        Response limited = signIn(newUser(), PASSWORD, ip);
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.header("Retry-After")).isNotNull();
        assertThat(signIn(newUser(), PASSWORD, newIp()).status()).isEqualTo(201);
    }

    @Test
    void signInWhenManyGuessesInParallelThenOnlyFiveAreChecked() throws Exception {
        String email = newUser();
        String ip = newIp();
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                String guess = "parallel guess " + i;
                answers.add(pool.submit(() -> {
                    go.await();
                    return signIn(email, guess, ip).status();
                }));
            }
            go.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (var answer : answers) {
                statuses.add(answer.get());
            }
            assertThat(statuses.stream().filter(s -> s == 401).count()).as("guesses actually checked").isEqualTo(5);
            assertThat(statuses.stream().filter(s -> s == 429).count()).isEqualTo(15);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void signInWhenLockedThenEvenRightPasswordRefusedAndBackOffGrows() {
        String email = newUser();
        String ip = newIp();
        for (int i = 0; i < 5; i++) {
            signIn(email, "wrong guess number " + i, ip);
        }
        assertThat(signIn(email, PASSWORD, ip).status()).isEqualTo(429);
        server.clock.advance(Duration.ofSeconds(61));
        assertThat(signIn(email, "still wrong", ip).status()).isEqualTo(401);
        Response second = signIn(email, PASSWORD, ip);
        assertThat(second.status()).isEqualTo(429);
        assertThat(Long.parseLong(second.header("Retry-After"))).isBetween(61L, 120L);
        server.clock.advance(Duration.ofMinutes(2));
        assertThat(signIn(email, PASSWORD, ip).status()).isEqualTo(201);
    }

    @Test
    void signInThrottleClearedByCompletedReset() {
        String email = newUser();
        String ip = newIp();
        for (int i = 0; i < 5; i++) {
            signIn(email, "wrong guess number " + i, ip);
        }
        assertThat(signIn(email, PASSWORD, ip).status()).isEqualTo(429);
        String token = server.requestToken(email);
        assertThat(server.post("/api/v1/password-resets/complete",
                "{\"token\":\"" + token + "\",\"newPassword\":\"" + NEW + "\"}").status()).isEqualTo(200);
        assertThat(signIn(email, NEW, ip).status()).isEqualTo(201);
    }

    @Test
    void changePasswordRevokesEveryOtherSessionButKeepsCurrent() {
        String email = newUser();
        String current = server.signIn(email, PASSWORD);
        String other = server.signIn(email, PASSWORD);
        Response changed = server.post("/api/v1/me/password",
                "{\"currentPassword\":\"" + PASSWORD + "\",\"newPassword\":\"" + NEW + "\"}", "127.0.0.1", current);
        assertThat(changed.status()).isEqualTo(200);
        assertThat(server.get("/api/v1/me", current).status()).isEqualTo(200);
        assertThat(server.get("/api/v1/me", other).status()).isEqualTo(401);
        assertThat(signIn(email, PASSWORD, newIp()).status()).isEqualTo(401);
        assertThat(signIn(email, NEW, newIp()).status()).isEqualTo(201);
        assertThat(server.messagesTo(email)).extracting(m -> {
            try {
                return m.getSubject();
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }).contains("Your Latchkey password was changed");
    }

    @Test
    void changePasswordWhenWrongCurrentThen401AndWhenWeakThen422() {
        String email = newUser();
        String session = server.signIn(email, PASSWORD);
        Response wrong = server.post("/api/v1/me/password",
                "{\"currentPassword\":\"nope nope nope nope\",\"newPassword\":\"" + NEW + "\"}", "127.0.0.1", session);
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.json().get("error").asText()).isEqualTo("invalid_credentials");
        Response weak = server.post("/api/v1/me/password",
                "{\"currentPassword\":\"" + PASSWORD + "\",\"newPassword\":\"short\"}", "127.0.0.1", session);
        assertThat(weak.status()).isEqualTo(422);
        assertThat(weak.json().get("details").size()).isGreaterThanOrEqualTo(1);
        assertThat(server.get("/api/v1/me", session).status()).isEqualTo(200);
    }

    @Test
    void signOutRevokesTheSession() {
        String email = newUser();
        String session = server.signIn(email, PASSWORD);
        assertThat(server.delete("/api/v1/sessions/current", session).status()).isEqualTo(204);
        Response after = server.get("/api/v1/me", session);
        assertThat(after.status()).isEqualTo(401);
        assertThat(after.json().get("error").asText()).isEqualTo("unauthorized");
        assertThat(server.delete("/api/v1/sessions/current", session).status()).isEqualTo(401);
    }

    @Test
    void sessionWhenOlderThanTtlThenUnauthorizedEvenIfUsedThroughout() {
        String email = newUser();
        String session = server.signIn(email, PASSWORD);
        for (int used = 0; used < 12 * 3 - 1; used++) {
            server.clock.advance(Duration.ofMinutes(20));
            assertThat(server.get("/api/v1/me", session).status()).as("after %d minutes", 20 * (used + 1))
                    .isEqualTo(200);
        }
        server.clock.advance(Duration.ofMinutes(20).minusSeconds(1));
        assertThat(server.get("/api/v1/me", session).status()).isEqualTo(200);
        server.clock.advance(Duration.ofSeconds(2));
        assertThat(server.get("/api/v1/me", session).status()).as("12 hours after the sign-in").isEqualTo(401);
    }

    @Test
    void sessionWhenUsedWithinIdleTimeoutThenStaysAlive() {
        String session = server.signIn(newUser(), PASSWORD);
        server.clock.advance(Duration.ofMinutes(29).plusSeconds(59));
        assertThat(server.get("/api/v1/me", session).status()).isEqualTo(200);
        server.clock.advance(Duration.ofMinutes(29).plusSeconds(59));
        assertThat(server.get("/api/v1/me", session).status()).as("an hour after the sign-in, used in between")
                .isEqualTo(200);
    }

    @Test
    void sessionWhenIdlePastTimeoutThenUnauthorizedLikeAnExpiredOne() {
        String session = server.signIn(newUser(), PASSWORD);
        server.clock.advance(Duration.ofMinutes(30).plusSeconds(1));
        Response idle = server.get("/api/v1/me", session);
        assertThat(idle.status()).isEqualTo(401);
        assertThat(idle.json().get("error").asText()).isEqualTo("unauthorized");
        assertThat(server.delete("/api/v1/sessions/current", session).status()).isEqualTo(401);
    }

    @Test
    void sessionUseWhenLastRecordedUnderAMinuteAgoThenNotWrittenAgain() {
        String session = server.signIn(newUser(), PASSWORD);
        long signedIn = lastUse(session);
        server.clock.advance(Duration.ofSeconds(59));
        assertThat(server.get("/api/v1/me", session).status()).isEqualTo(200);
        assertThat(lastUse(session)).as("no write within the minute").isEqualTo(signedIn);
        server.clock.advance(Duration.ofSeconds(2));
        assertThat(server.get("/api/v1/me", session).status()).isEqualTo(200);
        assertThat(lastUse(session)).isEqualTo(server.clock.millis());
    }

    private static long lastUse(String session) {
        return server.db().execute().get("SELECT last_used_at FROM user_session WHERE token_hash = ?",
                Tokens.sha256(session)).map(row -> Rows.longOf(row, "last_used_at")).orElseThrow();
    }

    @Test
    void resetTokenIsNotASessionToken() {
        String token = server.requestToken(newUser());
        assertThat(server.get("/api/v1/me", token).status()).isEqualTo(401);
        assertThat(server.delete("/api/v1/sessions/current", token).status()).isEqualTo(401);
    }

    @Test
    void meWhenMissingOrMalformedTokenThenUnauthorized() {
        assertThat(server.get("/api/v1/me", null).status()).isEqualTo(401);
        assertThat(server.get("/api/v1/me", "not-a-token").status()).isEqualTo(401);
        assertThat(server.get("/api/v1/me", "A".repeat(43)).status()).isEqualTo(401);
    }

    @Test
    void signInWhenBcryptHashThenAcceptedAndUpgradedToArgon2id() {
        String email = "legacy@example.com";
        byte[] salt = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
        String bcrypt = OpenBSDBCrypt.generate("2b", PASSWORD.toCharArray(), salt, 10);
        server.db().execute().insert("INSERT INTO app_user (email, display_name, role, password_hash, created_at)"
                + " VALUES (?, ?, ?, ?, ?)", email, "Legacy", "USER", bcrypt, server.clock.millis());
        assertThat(signIn(email, PASSWORD, newIp()).status()).isEqualTo(201);
        String stored = server.db().execute().get("SELECT password_hash FROM app_user WHERE email = ?", email)
                .map(row -> Rows.stringOf(row, "password_hash")).orElseThrow();
        assertThat(stored).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
        assertThat(signIn(email, PASSWORD, newIp()).status()).isEqualTo(201);
    }

    @Test
    void passwordPolicyTellsTheRules() {
        Response policy = server.get("/api/v1/password-policy", null);
        assertThat(policy.status()).isEqualTo(200);
        assertThat(policy.json().get("minLength").asInt()).isEqualTo(15);
        assertThat(policy.json().get("maxLength").asInt()).isEqualTo(256);
        assertThat(policy.json().get("blocklistEnabled").asBoolean()).isTrue();
        assertThat(policy.json().get("minScore").asInt()).isEqualTo(3);
    }
}
