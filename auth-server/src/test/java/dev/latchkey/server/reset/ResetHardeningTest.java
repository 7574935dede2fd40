package dev.latchkey.server.reset;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import dev.latchkey.server.support.OneServerPerClass;
import dev.latchkey.server.support.TestServer.Response;

/** Completing a reset cannot be turned into free work for the server. */
class ResetHardeningTest extends OneServerPerClass {
    static final String OLD = "velvet tractor orbits quietly";
    static final String NEW = "marble canyon whistles softly";
    /** What a losing complete records when it hashed a password only to find the token gone. */
    static final String HASHED_THEN_LOST = "Token was used or replaced while the new password was being set";

    @Test
    void completeWhenEightAtOnceWithOneTokenThenOneWinsAndOnlyItHashes() throws Exception {
        String email = server.newUser("eight", OLD);
        String token = server.requestToken(email);
        int before = server.auditCountWithDetail("RESET_TOKEN_REJECTED", HASHED_THEN_LOST);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String ip = "203.0.113." + (10 + i);
            answers.add(pool.submit(() -> {
                go.await();
                return server.post("/api/v1/password-resets/complete",
                        "{\"token\":\"" + token + "\",\"newPassword\":\"" + NEW + "\"}", ip, null).status();
            }));
        }
        go.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> answer : answers) {
            statuses.add(answer.get());
        }
        pool.shutdown();
        assertThat(statuses).containsOnlyOnce(200).filteredOn(s -> s != 200).containsOnly(400);
        assertThat(server.auditCountWithDetail("RESET_TOKEN_REJECTED", HASHED_THEN_LOST) - before).as("losers that hashed a password anyway").isZero();
        assertThat(server.signIn(email, NEW)).isNotBlank();
    }

    @Test
    void completeWhenWeakPasswordsRepeatedThenThePerIpBudgetRunsOut() {
        String email = server.newUser("weakling", OLD);
        String token = server.requestToken(email);
        String ip = "203.0.113.77";
        for (int i = 0; i < 30; i++) {
            Response r = server.post("/api/v1/password-resets/complete",
                    "{\"token\":\"" + token + "\",\"newPassword\":\"password" + i + "\"}", ip, null);
            assertThat(r.status()).isEqualTo(422);
        }
        Response refused = server.post("/api/v1/password-resets/complete",
                "{\"token\":\"" + token + "\",\"newPassword\":\"password\"}", ip, null);
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.header("Retry-After")).isNotNull();
        // Another client, and the token itself, are unaffected.
        assertThat(server.post("/api/v1/password-resets/complete",
                "{\"token\":\"" + token + "\",\"newPassword\":\"" + NEW + "\"}", "203.0.113.78", null).status())
                .isEqualTo(200);
    }

    @Test
    void changePasswordWhenWeakPasswordsRepeatedThenThePerIpBudgetRunsOut() {
        String email = server.newUser("changer", OLD);
        String session = server.signIn(email, OLD);
        String ip = "203.0.113.90";
        for (int i = 0; i < 30; i++) {
            assertThat(server.post("/api/v1/me/password", "{\"currentPassword\":\"" + OLD
                    + "\",\"newPassword\":\"password" + i + "\"}", ip, session).status()).isEqualTo(422);
        }
        Response refused = server.post("/api/v1/me/password", "{\"currentPassword\":\"" + OLD
                + "\",\"newPassword\":\"password\"}", ip, session);
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.header("Retry-After")).isNotNull();
    }
}
