package dev.latchkey.server.ratelimit;

import java.time.Clock;
import java.time.Duration;

/**
 * The contract's limits, all in one place; {@code auth.rate-limit.enabled=false} turns every one off.
 * Per-client limits count an IPv6 client by its /64 ({@link ClientNetwork}).
 */
public record RateLimits(WindowLimiter resetRequestsPerEmail,
                         WindowLimiter resetRequestsPerIp,
                         WindowLimiter tokenFailuresPerIp,
                         WindowLimiter weakPasswordsPerIp,
                         WindowLimiter signInFailuresPerIp,
                         SignInThrottle signInPerEmail,
                         WindowLimiter staffQuota) {
    private static final Duration WINDOW = Duration.ofMinutes(15);

    public static RateLimits create(Clock clock, boolean enabled, int staffActionsPerHour) {
        return new RateLimits(
                new WindowLimiter(3, WINDOW, clock, enabled),
                new WindowLimiter(20, WINDOW, clock, enabled, ClientNetwork::of),
                new WindowLimiter(30, WINDOW, clock, enabled, ClientNetwork::of),
                new WindowLimiter(30, WINDOW, clock, enabled, ClientNetwork::of),
                new WindowLimiter(100, WINDOW, clock, enabled, ClientNetwork::of),
                new SignInThrottle(clock, enabled),
                new WindowLimiter(staffActionsPerHour, Duration.ofHours(1), clock, enabled));
    }
}
