package dev.latchkey.server.ratelimit;

import java.time.Clock;
import java.time.Duration;

/** The contract's limits, all in one place; {@code auth.rate-limit.enabled=false} turns every one off. */
public record RateLimits(WindowLimiter resetRequestsPerEmail,
                         WindowLimiter resetRequestsPerIp,
                         WindowLimiter tokenFailuresPerIp,
                         WindowLimiter signInFailuresPerIp,
                         SignInThrottle signInPerEmail,
                         WindowLimiter helpdeskResetsPerStaff) {
    private static final Duration WINDOW = Duration.ofMinutes(15);

    public static RateLimits create(Clock clock, boolean enabled, int helpdeskResetsPerHour) {
        return new RateLimits(
                new WindowLimiter(3, WINDOW, clock, enabled),
                new WindowLimiter(20, WINDOW, clock, enabled),
                new WindowLimiter(30, WINDOW, clock, enabled),
                new WindowLimiter(100, WINDOW, clock, enabled),
                new SignInThrottle(clock, enabled),
                new WindowLimiter(helpdeskResetsPerHour, Duration.ofHours(1), clock, enabled));
    }
}
