package dev.latchkey.server.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import dev.latchkey.server.db.Database;

/**
 * The contract's limits, all in one place; {@code auth.rate-limit.enabled=false} turns every one off.
 * Per-client limits count an IPv6 client by its /64 ({@link ClientNetwork}), and its /48 as well, with
 * {@value #SITE_MULTIPLE} times the budget ({@link TieredLimiter}). On a database that several instances
 * share, every limit is kept in it; on Derby the windows are counted in memory.
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
    /**
     * An IPv6 /48's budget in every per-client limit and signal, as a multiple of one client's: a site
     * with a few busy networks passes, a customer spraying its 65,536 /64s does not.
     */
    public static final int SITE_MULTIPLE = 4;
    private static final Duration WINDOW = Duration.ofMinutes(15);

    /**
     * {@code secondFactorFailures}: wrong codes one account may take in a window. {@code refusals}: what
     * counts a per-client limit's refusals, given the limit's name (a metric).
     */
    public static RateLimits create(Windows windows, int staffActionsPerHour, int secondFactorFailures,
                                    Function<String, Runnable> refusals) {
        return new RateLimits(
                windows.limiter("reset-per-email", 3, WINDOW, UnaryOperator.identity()),
                windows.perClient("reset-per-ip", 20, WINDOW, refusals),
                windows.perClient("token-failures-per-ip", 30, WINDOW, refusals),
                windows.perClient("weak-passwords-per-ip", 30, WINDOW, refusals),
                windows.perClient("signin-failures-per-ip", 100, WINDOW, refusals),
                new SignInThrottle(windows.clock(), windows.enabled()),
                windows.limiter("staff-quota", staffActionsPerHour, Duration.ofHours(1), UnaryOperator.identity()),
                windows.limiter("mfa-failures-per-account", secondFactorFailures, WINDOW, UnaryOperator.identity()),
                windows.perClient("mfa-failures-per-ip", 30, WINDOW, refusals));
    }

    /** Where windows are counted: in the shared database, or in memory on Derby; none when limits are off. */
    public record Windows(Database db, Clock clock, boolean enabled) {
        public Limiter limiter(String name, int limit, Duration window, UnaryOperator<String> keyOf) {
            return enabled && db.dialect().shared()
                    ? new SharedWindowLimiter(db, name, limit, window, clock, keyOf)
                    : new WindowLimiter(limit, window, clock, enabled, keyOf);
        }

        /** {@code limit} per client network and {@link #SITE_MULTIPLE} times that per IPv6 /48. */
        Limiter perClient(String name, int limit, Duration window, Function<String, Runnable> refusals) {
            return new TieredLimiter(limiter(name, limit, window, ClientNetwork::of),
                    limiter(name + "-48", limit * SITE_MULTIPLE, window, UnaryOperator.identity()),
                    refusals.apply(name));
        }
    }
}
