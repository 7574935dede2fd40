package dev.latchkey.server.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import dev.latchkey.server.support.MutableClock;

/** What every {@link Limiter} promises, in memory or shared through the database. */
abstract class LimiterContract {
    protected final MutableClock clock = MutableClock.startingNow();

    protected abstract Limiter limiter(int limit, Duration window, Clock clock);

    @Test
    void hitWhenOverLimitThenRefusedUntilWindowEnds() {
        Limiter limiter = limiter(3, Duration.ofMinutes(15), clock);
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.hit("k").allowed()).isTrue();
        }
        Decision refused = limiter.hit("k");
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfterSeconds()).isEqualTo(900);
        clock.advance(Duration.ofMinutes(10));
        assertThat(limiter.hit("k").retryAfterSeconds()).isEqualTo(300);
        clock.advance(Duration.ofMinutes(5));
        assertThat(limiter.hit("k").allowed()).isTrue();
    }

    @Test
    void hitWhenOtherKeyExhaustedThenAllowed() {
        Limiter limiter = limiter(3, Duration.ofMinutes(15), clock);
        for (int i = 0; i < 4; i++) {
            limiter.hit("a");
        }
        assertThat(limiter.hit("a").allowed()).isFalse();
        assertThat(limiter.hit("b").allowed()).isTrue();
    }

    @Test
    void refundWhenAttemptTurnedOutFineThenOneMoreAllowed() {
        Limiter limiter = limiter(3, Duration.ofMinutes(15), clock);
        for (int i = 0; i < 3; i++) {
            limiter.hit("k");
        }
        limiter.refund("k");
        assertThat(limiter.hit("k").allowed()).isTrue();
        assertThat(limiter.hit("k").allowed()).isFalse();
    }

    @Test
    void hitWhenManyAtOnceThenExactlyTheLimitAllowed() throws Exception {
        Limiter limiter = limiter(20, Duration.ofMinutes(15), clock);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Callable<Boolean>> hits = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                hits.add(() -> limiter.hit("crowd").allowed());
            }
            int allowed = 0;
            for (Future<Boolean> result : pool.invokeAll(hits)) {
                allowed += result.get() ? 1 : 0;
            }
            assertThat(allowed).isEqualTo(20);
        } finally {
            pool.shutdownNow();
        }
    }
}
