package dev.latchkey.server.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;

class WindowLimiterTest extends LimiterContract {
    @Override
    protected Limiter limiter(int limit, Duration window, Clock clock) {
        return new WindowLimiter(limit, window, clock, true, UnaryOperator.identity());
    }

    @Test
    void disabledAlwaysAllows() {
        WindowLimiter off = new WindowLimiter(1, Duration.ofMinutes(15), clock, false, UnaryOperator.identity());
        for (int i = 0; i < 10; i++) {
            assertThat(off.hit("k").allowed()).isTrue();
        }
    }

    @Test
    void sprayWhenUniqueKeysFillTheMapThenItStaysBoundedAndALimitedKeyStaysRefused() {
        WindowLimiter limiter = new WindowLimiter(3, Duration.ofMinutes(15), clock, true, UnaryOperator.identity(), 100);
        for (int i = 0; i < 4; i++) {
            limiter.hit("victim@example.com");
        }
        for (int i = 0; i < 10_000; i++) {
            assertThat(limiter.hit("spray-" + i).allowed()).isTrue();
            assertThat(limiter.size()).isLessThanOrEqualTo(100);
        }
        assertThat(limiter.hit("victim@example.com").allowed())
                .as("a key at its limit outlives the spray's one-event keys").isFalse();
    }

    @Test
    void fullWhenWindowsExpiredThenTheyGoFirst() {
        WindowLimiter limiter = new WindowLimiter(3, Duration.ofMinutes(15), clock, true, UnaryOperator.identity(), 100);
        for (int i = 0; i < 99; i++) {
            limiter.hit("old-" + i);
        }
        clock.advance(Duration.ofMinutes(10));
        limiter.hit("recent");
        clock.advance(Duration.ofMinutes(6));

        limiter.hit("new");

        assertThat(limiter.size()).as("the 99 expired windows, not the live one").isEqualTo(2);
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
