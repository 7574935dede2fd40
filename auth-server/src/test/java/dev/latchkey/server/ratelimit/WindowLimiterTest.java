package dev.latchkey.server.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import dev.latchkey.server.support.MutableClock;

class WindowLimiterTest {
    private final MutableClock clock = MutableClock.startingNow();
    private final WindowLimiter limiter = new WindowLimiter(3, Duration.ofMinutes(15), clock, true);

    @Test
    void hitWhenOverLimitThenRefusedUntilWindowEnds() {
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
    void checkDoesNotCount() {
        for (int i = 0; i < 10; i++) {
            assertThat(limiter.check("k").allowed()).isTrue();
        }
        limiter.hit("k");
        limiter.hit("k");
        assertThat(limiter.check("k").allowed()).isTrue();
        limiter.hit("k");
        assertThat(limiter.check("k").allowed()).isFalse();
    }

    @Test
    void keysAreIndependentAndClearForgets() {
        for (int i = 0; i < 4; i++) {
            limiter.hit("a");
        }
        assertThat(limiter.hit("b").allowed()).isTrue();
        limiter.clear("a");
        assertThat(limiter.hit("a").allowed()).isTrue();
    }

    @Test
    void disabledAlwaysAllows() {
        WindowLimiter off = new WindowLimiter(1, Duration.ofMinutes(15), clock, false);
        for (int i = 0; i < 10; i++) {
            assertThat(off.hit("k").allowed()).isTrue();
        }
    }

    @Test
    void lockDurationsGrowFromOneToFifteenMinutes() {
        assertThat(SignInThrottle.lockDuration(1)).isEqualTo(Duration.ofMinutes(1));
        assertThat(SignInThrottle.lockDuration(2)).isEqualTo(Duration.ofMinutes(2));
        assertThat(SignInThrottle.lockDuration(4)).isEqualTo(Duration.ofMinutes(8));
        assertThat(SignInThrottle.lockDuration(5)).isEqualTo(Duration.ofMinutes(15));
        assertThat(SignInThrottle.lockDuration(40)).isEqualTo(Duration.ofMinutes(15));
    }
}
