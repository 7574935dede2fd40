package dev.latchkey.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.latchkey.api.Role;
import dev.latchkey.server.db.Rows;
import dev.latchkey.server.mfa.Totp;
import dev.latchkey.server.support.Mail;
import dev.latchkey.server.support.SignInLoops;
import dev.latchkey.server.support.TestDatabase;
import dev.latchkey.server.support.TestServer;
import dev.latchkey.server.support.TestServer.Response;

/**
 * Two instances on one PostgreSQL database, each request going to one or the other: every limit and
 * every one-time promise holds across both as it does for one.
 */
class TwoInstancesTest {
    static final String PASSWORD = "velvet tractor orbits quietly";
    static final String NEW = "marble canyon whistles softly";

    @TempDir
    static Path dirA;
    @TempDir
    static Path dirB;
    static TestDatabase database;
    static TestServer a;
    static TestServer b;
    static final AtomicInteger IPS = new AtomicInteger();

    @BeforeAll
    static void start() {
        database = TestDatabase.createPostgresql();
        a = TestServer.start(dirA, database.settings());
        b = TestServer.start(dirB, database.settings());
    }

    @AfterAll
    static void stop() {
        try (TestDatabase db = database) {
            a.close();
            b.close();
        }
    }

    @Test
    void secondFactorWhenCodesSpreadOverBothThenEachWorksOnceAndOneLimitHolds() {
        String email = "two-factor@example.com";
        a.addUser(email, PASSWORD, Role.USER);
        String ip = newIp();
        TestServer.Enrolled factor = a.enrolSecondFactor(email, PASSWORD, ip);
        Totp totp = new Totp();
        long confirmedStep = Totp.stepOf(a.clock.instant());
        Response replayed = signInWithCode(b, email, totp.codeAt(factor.key(), confirmedStep), ip);
        assertThat(replayed.status()).as("the code A took, replayed on B").isEqualTo(401);
        assertThat(replayed.json().get("error").asText()).isEqualTo("invalid_second_factor");
        String wrong = totp.codeAt(factor.key(), confirmedStep + 1).equals("000000") ? "111111" : "000000";
        for (int i = 0; i < 4; i++) {
            assertThat(signInWithCode(either(i), email, wrong, ip).status()).isEqualTo(401);
        }
        Response limited = signInWithCode(a, email, totp.codeAt(factor.key(), confirmedStep + 1), ip);
        assertThat(limited.status()).as("five wrong codes over both instances").isEqualTo(429);
    }

    private static Response signInWithCode(TestServer server, String email, String code, String ip) {
        return server.post("/api/v1/sessions", "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD
                + "\",\"secondFactor\":\"" + code + "\"}", ip, null);
    }

    /** The instance for the {@code i}th request of a run: A, B, A, B... */
    static TestServer either(int i) {
        return i % 2 == 0 ? a : b;
    }

    static String newIp() {
        return "203.0.113." + IPS.incrementAndGet() % 250;
    }

    static List<MimeMessage> messagesTo(String email) {
        List<MimeMessage> all = new ArrayList<>(a.messagesTo(email));
        all.addAll(b.messagesTo(email));
        return all;
    }

    static Response requestReset(TestServer server, String email, String ip) {
        return server.post("/api/v1/password-resets", "{\"email\":\"" + email + "\"}", ip, null);
    }

    /** A reset asked of A, its token read from whichever instance's sender delivered it. */
    static String requestToken(String email) {
        assertThat(requestReset(a, email, newIp()).status()).isEqualTo(202);
        List<MimeMessage> messages = messagesTo(email);
        assertThat(messages).as("the reset email, from A or B").isNotEmpty();
        return TestServer.tokenIn(Mail.text(messages.get(messages.size() - 1)));
    }

    @Test
    void sessionWhenUsedOnOneInstanceThenNotIdleOnTheOther() {
        String session = a.signIn(a.newUser("idle", PASSWORD), PASSWORD);
        advanceBoth(Duration.ofMinutes(20));
        assertThat(b.get("/api/v1/me", session).status()).isEqualTo(200);
        advanceBoth(Duration.ofMinutes(20));
        assertThat(a.get("/api/v1/me", session).status()).as("40 minutes after the sign-in, 20 after B's use")
                .isEqualTo(200);
        advanceBoth(Duration.ofMinutes(31));
        assertThat(b.get("/api/v1/me", session).status()).as("idle on both").isEqualTo(401);
    }

    private static void advanceBoth(Duration duration) {
        a.clock.advance(duration);
        b.clock.advance(duration);
    }

    @Test
    void resetRequestsWhenAlternatingThenAtMostThreeEmailsPerAddress() {
        String email = a.newUser("alternating", PASSWORD);
        for (int i = 0; i < 8; i++) {
            assertThat(requestReset(either(i), email, newIp()).status()).isEqualTo(202);
        }
        assertThat(messagesTo(email)).hasSize(3);
    }

    @Test
    void resetRequestsFromOneIpWhenAlternatingThenTwentyFirstRefused() {
        String ip = newIp();
        for (int i = 0; i < 20; i++) {
            assertThat(requestReset(either(i), "nobody" + i + "@example.com", ip).status()).as("request %d", i + 1)
                    .isEqualTo(202);
        }
        Response refused = requestReset(either(20), "nobody20@example.com", ip);
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.header("Retry-After")).isNotBlank();
    }

    @Test
    void wrongPasswordsWhenSpreadOverBothAtOnceThenExactlyFiveChecked() throws Exception {
        String email = a.newUser("guessed", PASSWORD);
        List<Integer> statuses = inParallel(20, i -> either(i).post("/api/v1/sessions",
                "{\"email\":\"" + email + "\",\"password\":\"wrong guess number " + i + "\"}", newIp(), null)
                .status());
        assertThat(statuses).filteredOn(s -> s == 401).as("guesses checked").hasSize(5);
        assertThat(statuses).filteredOn(s -> s == 429).hasSize(15);
    }

    @Test
    void completesOfOneTokenWhenSpreadOverBothThenExactlyOneWins() throws Exception {
        String email = a.newUser("completer", PASSWORD);
        String token = requestToken(email);
        List<Integer> statuses = inParallel(8, i -> either(i).post("/api/v1/password-resets/complete",
                "{\"token\":\"" + token + "\",\"newPassword\":\"" + NEW + " " + i + "\"}", newIp(), null).status());
        assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
        assertThat(statuses).filteredOn(s -> s != 200).as("the others: invalid_token").allMatch(s -> s == 400);
    }

    @Test
    void mailJobsWhenBothSendersRunThenEachSentOnce() throws Exception {
        List<String> recipients = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String email = "bulk" + i + "@example.com";
            a.addUser(email, null, Role.USER);
            recipients.add(email);
        }
        int before = a.outbox().size() + b.outbox().size();
        a.db().inTransaction(tx -> {
            long now = a.clock.millis();
            for (String email : recipients) {
                tx.insert("INSERT INTO mail_job (kind, recipient, created_at, status, attempts, next_attempt_at)"
                        + " VALUES ('PASSWORD_RESET', ?, ?, 'QUEUED', 0, ?)", email, now, now);
            }
            return null;
        });
        waitFor(() -> a.db().execute().get("SELECT COUNT(*) AS n FROM mail_job WHERE recipient LIKE 'bulk%'"
                + " AND status = 'SENT'").map(row -> Rows.intOf(row, "n")).orElse(0) == 200, Duration.ofSeconds(60));
        Map<String, Integer> received = new HashMap<>();
        for (TestServer server : List.of(a, b)) {
            for (MimeMessage message : server.messages()) {
                TestServer.recipients(message).forEach(to -> received.merge(to, 1, Integer::sum));
            }
        }
        assertThat(recipients).allSatisfy(email -> assertThat(received.get(email)).as(email).isEqualTo(1));
        assertThat(a.outbox().size() + b.outbox().size() - before).isEqualTo(200);
    }

    @Test
    void resetWhenSignInsInFlightOnTheOtherInstanceThenNoSessionSurvives() throws Exception {
        int survivors = 0;
        int minted = 0;
        for (int round = 0; round < 6; round++) {
            String email = a.newUser("racer", PASSWORD);
            String token = requestToken(email);
            List<String> sessions = SignInLoops.around(b, email, PASSWORD, () -> assertThat(a.post(
                    "/api/v1/password-resets/complete",
                    "{\"token\":\"" + token + "\",\"newPassword\":\"" + NEW + "\"}").status()).isEqualTo(200));
            minted += sessions.size();
            for (String session : sessions) {
                if (a.get("/api/v1/me", session).status() != 401 || b.get("/api/v1/me", session).status() != 401) {
                    survivors++;
                }
            }
        }
        assertThat(minted).as("sign-ins on B with the old password before the reset on A").isPositive();
        assertThat(survivors).isZero();
    }

    static <T> List<T> inParallel(int n, Function<Integer, T> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Callable<T>> calls = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                calls.add(() -> call.apply(index));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> f : pool.invokeAll(calls)) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    static void waitFor(BooleanSupplier condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Not reached within " + timeout);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted", e);
            }
        }
    }
}
