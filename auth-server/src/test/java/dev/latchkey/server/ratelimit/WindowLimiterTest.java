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
    void lockDurationsGrowFromOneToFifteenMinutes() {
        assertThat(SignInThrottle.lockDuration(1)).isEqualTo(Duration.ofMinutes(1));
        assertThat(SignInThrottle.lockDuration(2)).isEqualTo(Duration.ofMinutes(2));
        assertThat(SignInThrottle.lockDuration(4)).isEqualTo(Duration.ofMinutes(8));
        assertThat(SignInThrottle.lockDuration(5)).isEqualTo(Duration.ofMinutes(15));
        assertThat(SignInThrottle.lockDuration(40)).isEqualTo(Duration.ofMinutes(15));
    }
}
