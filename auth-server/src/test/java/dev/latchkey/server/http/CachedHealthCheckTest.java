package dev.latchkey.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.helidon.health.HealthCheck;
import io.helidon.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

import dev.latchkey.server.support.MutableClock;

/** A flood of health requests runs the database check about once a second, not once per request. */
class CachedHealthCheckTest {
    private final MutableClock clock = MutableClock.startingNow();
    private final AtomicInteger queries = new AtomicInteger();

    @Test
    void callWhenWithinASecondThenTheCheckRunsOnceAndAgainAfterIt() {
        HealthCheck cached = new CachedHealthCheck(counting(null), clock);

        for (int i = 0; i < 1000; i++) {
            assertThat(cached.call().status()).isEqualTo(HealthCheckResponse.Status.UP);
        }
        assertThat(queries).hasValue(1);
        clock.advance(Duration.ofMillis(999));
        cached.call();
        assertThat(queries).hasValue(1);
        clock.advance(Duration.ofMillis(1));
        cached.call();
        cached.call();
        assertThat(queries).hasValue(2);
    }

    @Test
    void callWhenManyAtOnceWhileTheCheckRunsThenTheyWaitForItsAnswer() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        HealthCheck cached = new CachedHealthCheck(counting(release), clock);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<HealthCheckResponse>> answers = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                answers.add(pool.submit(cached::call));
            }
            Thread.sleep(200);
            release.countDown();
            for (Future<HealthCheckResponse> answer : answers) {
                assertThat(answer.get(10, TimeUnit.SECONDS).status()).isEqualTo(HealthCheckResponse.Status.UP);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(queries).hasValue(1);
    }

    @Test
    void nameTypeAndPathAreTheChecks() {
        HealthCheck check = counting(null);
        HealthCheck cached = new CachedHealthCheck(check, clock);

        assertThat(cached.name()).isEqualTo(check.name());
        assertThat(cached.type()).isEqualTo(check.type());
        assertThat(cached.path()).isEqualTo(check.path());
    }

    /** A check that counts its runs and, given a latch, waits for it before answering. */
    private HealthCheck counting(CountDownLatch release) {
        return new HealthCheck() {
            @Override
            public String name() {
                return "database";
            }

            @Override
            public HealthCheckResponse call() {
                queries.incrementAndGet();
                if (release != null) {
                    try {
                        release.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                return HealthCheckResponse.builder().status(HealthCheckResponse.Status.UP).build();
            }
        };
    }
}
