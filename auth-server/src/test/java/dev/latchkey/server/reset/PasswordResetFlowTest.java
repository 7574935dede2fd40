package dev.latchkey.server.reset;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;

import dev.latchkey.server.support.Mail;
import dev.latchkey.server.support.OneServerPerClass;
import dev.latchkey.server.support.TestServer;
import dev.latchkey.server.support.TestServer.Response;

class PasswordResetFlowTest extends OneServerPerClass {
    static final String OLD = "velvet tractor orbits quietly";
    static final String NEW = "marble canyon whistles softly";


    /** Each test gets its own user, so tests do not share tokens, sessions or limits. */
    private static String newUser() {
        return server.newUser("user", OLD);
    }

    private static Response complete(String token, String password) {
        return server.post("/api/v1/password-resets/complete",
                "{\"token\":\"" + token + "\",\"newPassword\":\"" + password + "\"}");
    }

    private static Response verify(String token) {
        return server.post("/api/v1/password-resets/verify", "{\"token\":\"" + token + "\"}");
    }

    @Test
    void resetEmailHoldsLinkTokenExpiryAndIgnoreNotice() throws Exception {
        String email = newUser();
        server.requestToken(email);
        MimeMessage message = server.messagesTo(email).get(0);
        String text = Mail.text(message);
        String token = TestServer.tokenIn(text);
        assertThat(token).matches("[A-Za-z0-9_-]{64}");
        assertThat(text).contains(server.server().publicUrl() + "/reset#token=" + token);
        assertThat(text).contains("UTC").contains("If you did not ask for this, ignore this email");
        assertThat(Mail.html(message)).contains("/reset#token=" + token);
        assertThat(message.getSubject()).isEqualTo("Reset your Latchkey password");
    }

    @Test
    void verifyWhenValidThenMaskedEmailAndExpiryWithoutConsuming() {
        String email = newUser();
        String token = server.requestToken(email);
        Response first = verify(token);
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().get("valid").asBoolean()).isTrue();
        assertThat(first.json().get("email").asText()).isEqualTo("u***@example.com").isNotEqualTo(email);
        assertThat(Instant.parse(first.json().get("expiresAt").asText()))
                .isEqualTo(server.clock.instant().plus(Duration.ofMinutes(30)).truncatedTo(ChronoUnit.MILLIS));
        assertThat(verify(token).status()).isEqualTo(200);
        assertThat(complete(token, NEW).status()).isEqualTo(200);
    }

    @Test
    void completeWhenTokenReusedThenRejected() {
        String email = newUser();
        String token = server.requestToken(email);
        assertThat(complete(token, NEW).status()).isEqualTo(200);
        Response again = complete(token, "another strong phrase for later");
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.json().get("error").asText()).isEqualTo("invalid_token");
        assertThat(verify(token).status()).isEqualTo(400);
    }

    @Test
    void completeWhenExpiredThenRejected() {
        String email = newUser();
        String token = server.requestToken(email);
        server.clock.advance(Duration.ofMinutes(30).plusSeconds(1));
        Response verified = verify(token);
        assertThat(verified.status()).isEqualTo(400);
        assertThat(verified.json().get("error").asText()).isEqualTo("invalid_token");
        assertThat(complete(token, NEW).json().get("error").asText()).isEqualTo("invalid_token");
        assertThat(server.signIn(email, OLD)).isNotBlank();
    }

    @Test
    void completeWhenJustBeforeExpiryThenAccepted() {
        String email = newUser();
        String token = server.requestToken(email);
        server.clock.advance(Duration.ofMinutes(29).plusSeconds(59));
        assertThat(complete(token, NEW).status()).isEqualTo(200);
    }

    @Test
    void issueWhenNewerTokenThenOlderSuperseded() {
        String email = newUser();
        String older = server.requestToken(email);
        String newer = server.requestToken(email);
        assertThat(newer).isNotEqualTo(older);
        Response rejected = complete(older, NEW);
        assertThat(rejected.status()).isEqualTo(400);
        assertThat(rejected.json().get("error").asText()).isEqualTo("invalid_token");
        assertThat(complete(newer, NEW).status()).isEqualTo(200);
    }

    @Test
    void completeConcurrentlyWithOneTokenThenExactlyOneWins() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (int round = 0; round < 3; round++) {
                String email = newUser();
                String token = server.requestToken(email);
                CountDownLatch go = new CountDownLatch(1);
                List<Future<Response>> results = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    String password = NEW + " " + i;
                    results.add(pool.submit(() -> {
                        go.await();
                        return complete(token, password);
                    }));
                }
                go.countDown();
                List<Integer> statuses = new ArrayList<>();
                for (Future<Response> result : results) {
                    statuses.add(result.get().status());
                }
                assertThat(statuses).containsOnly(200, 400);
                assertThat(statuses.stream().filter(s -> s == 200).count()).as("winners").isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void completeRevokesEverySessionAndDoesNotSignIn() {
        String email = newUser();
        String first = server.signIn(email, OLD);
        String second = server.signIn(email, OLD);
        String token = server.requestToken(email);
        Response done = complete(token, NEW);
        assertThat(done.status()).isEqualTo(200);
        assertThat(done.json().has("token")).isFalse();
        assertThat(server.get("/api/v1/me", first).status()).isEqualTo(401);
        assertThat(server.get("/api/v1/me", second).status()).isEqualTo(401);
    }

    @Test
    void completeThenOldPasswordRefusedAndNewOneWorks() {
        String email = newUser();
        complete(server.requestToken(email), NEW);
        Response old = server.post("/api/v1/sessions", "{\"email\":\"" + email + "\",\"password\":\"" + OLD + "\"}");
        assertThat(old.status()).isEqualTo(401);
        assertThat(server.signIn(email, NEW)).isNotBlank();
    }

    @Test
    void completeWhenWeakPasswordThen422WithEachRuleAndTokenStaysUsable() {
        String email = newUser();
        String token = server.requestToken(email);
        String local = email.substring(0, email.indexOf('@'));
        Response weak = complete(token, local);
        assertThat(weak.status()).isEqualTo(422);
        assertThat(weak.json().get("error").asText()).isEqualTo("weak_password");
        List<String> details = new ArrayList<>();
        weak.json().get("details").forEach(d -> details.add(d.asText()));
        assertThat(details).hasSize(3).anyMatch(d -> d.contains("at least 15"))
                .anyMatch(d -> d.contains("email")).anyMatch(d -> d.contains("easy to guess"));
        Response common = complete(token, "passwordpassword");
        assertThat(common.json().get("details").toString()).contains("commonly used");
        assertThat(verify(token).status()).isEqualTo(200);
        assertThat(complete(token, NEW).status()).isEqualTo(200);
    }

    @Test
    void completeQueuesPasswordChangedEmailWithTimeAndIpButNoSecret() throws Exception {
        String email = newUser();
        String token = server.requestToken(email);
        server.post("/api/v1/password-resets/complete",
                "{\"token\":\"" + token + "\",\"newPassword\":\"" + NEW + "\"}", "203.0.113.7", null);
        List<MimeMessage> messages = server.messagesTo(email);
        MimeMessage changed = messages.get(messages.size() - 1);
        assertThat(changed.getSubject()).isEqualTo("Your Latchkey password was changed");
        String text = Mail.text(changed);
        assertThat(text).contains("203.0.113.7").contains("UTC").doesNotContain(token).doesNotContain(NEW);
    }

    @Test
    void completeWhenTokenOfOtherShapeThenSameInvalidToken() {
        for (String token : List.of("", "short", "x".repeat(64), "é".repeat(64), "' OR '1'='1", "a".repeat(5000))) {
            Response response = verify(token);
            assertThat(response.status()).as(token).isEqualTo(400);
            assertThat(response.json().get("error").asText()).isEqualTo("invalid_token");
        }
    }
}
