package dev.latchkey.server.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.util.function.UnaryOperator;

import dev.latchkey.server.db.Database;

/**
 * The contract's limits, all in one place; {@code auth.rate-limit.enabled=false} turns every one off.
 * Per-client limits count an IPv6 client by its /64 ({@link ClientNetwork}). On a database that several
 * instances share, every limit is kept in it; on Derby the windows are counted in memory.
 */
public record RateLimits(Limiter resetRequestsPerEmail,
                         Limiter resetRequestsPerIp,
                         Limiter tokenFailuresPerIp,
                         Limiter weakPasswordsPerIp,
                         Limiter signInFailuresPerIp,
                         SignInThrottle signInPerEmail,
                         Limiter staffQuota,
                         Limiter secondFactorFailuresPerAccount,
                         Limiter secondFactorFailuresPerIp) {
    private static final Duration WINDOW = Duration.ofMinutes(15);

    /** {@code secondFactorFailures}: wrong codes one account may take in a window. */
    public static RateLimits create(Windows windows, int staffActionsPerHour, int secondFactorFailures) {
        return new RateLimits(
                windows.limiter("reset-per-email", 3, WINDOW, UnaryOperator.identity()),
                windows.limiter("reset-per-ip", 20, WINDOW, ClientNetwork::of),
                windows.limiter("token-failures-per-ip", 30, WINDOW, ClientNetwork::of),
                windows.limiter("weak-passwords-per-ip", 30, WINDOW, ClientNetwork::of),
                windows.limiter("signin-failures-per-ip", 100, WINDOW, ClientNetwork::of),
                new SignInThrottle(windows.clock(), windows.enabled()),
                windows.limiter("staff-quota", staffActionsPerHour, Duration.ofHours(1), UnaryOperator.identity()),
                windows.limiter("mfa-failures-per-account", secondFactorFailures, WINDOW, UnaryOperator.identity()),
                windows.limiter("mfa-failures-per-ip", 30, WINDOW, ClientNetwork::of));
    }

    /** Where windows are counted: in the shared database, or in memory on Derby; none when limits are off. */
    public record Windows(Database db, Clock clock, boolean enabled) {
        public Limiter limiter(String name, int limit, Duration window, UnaryOperator<String> keyOf) {
            return enabled && db.dialect().shared()
                    ? new SharedWindowLimiter(db, name, limit, window, clock, keyOf)
                    : new WindowLimiter(limit, window, clock, enabled, keyOf);
        }
    }
}
