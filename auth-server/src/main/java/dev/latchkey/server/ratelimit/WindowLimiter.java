package dev.latchkey.server.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;

/**
 * At most {@code limit} events per key in a fixed window of {@code window}, in memory. Used for the
 * per-client-IP limits and the per-email cap on reset requests.
 */
public final class WindowLimiter {
    private static final int PURGE_EVERY = 1024;

    private final int limit;
    private final long windowMillis;
    private final Clock clock;
    private final boolean enabled;
    private final UnaryOperator<String> keyOf;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    private final AtomicLong calls = new AtomicLong();

    public WindowLimiter(int limit, Duration window, Clock clock, boolean enabled) {
        this(limit, window, clock, enabled, UnaryOperator.identity());
    }

    /** A limiter whose keys are first mapped by {@code keyOf} (e.g. a client IP to its network). */
    public WindowLimiter(int limit, Duration window, Clock clock, boolean enabled, UnaryOperator<String> keyOf) {
        this.limit = limit;
        this.windowMillis = window.toMillis();
        this.clock = clock;
        this.enabled = enabled;
        this.keyOf = keyOf;
    }

    /** Counts one event for {@code key}; refused when that makes more than the limit in this window. */
    public Decision hit(String key) {
        if (!enabled) {
            return Decision.ALLOW;
        }
        long now = clock.millis();
        purgeNowAndThen(now);
        Window w = windows.compute(keyOf.apply(key), (k, old) -> old == null || old.expired(now, windowMillis)
                ? new Window(now, 1) : new Window(old.start, old.count + 1));
        return w.count <= limit ? Decision.ALLOW : Decision.refuse(w.start + windowMillis - now);
    }

    /** Whether another event would still be within the limit, without counting one. */
    public Decision check(String key) {
        if (!enabled) {
            return Decision.ALLOW;
        }
        long now = clock.millis();
        Window w = windows.get(keyOf.apply(key));
        if (w == null || w.expired(now, windowMillis) || w.count < limit) {
            return Decision.ALLOW;
        }
        return Decision.refuse(w.start + windowMillis - now);
    }

    /** Takes back one event counted in the current window (an attempt that turned out fine). */
    public void refund(String key) {
        if (!enabled) {
            return;
        }
        long now = clock.millis();
        windows.computeIfPresent(keyOf.apply(key), (k, w) -> w.expired(now, windowMillis) || w.count <= 1 ? null
                : new Window(w.start, w.count - 1));
    }

    public void clear(String key) {
        windows.remove(keyOf.apply(key));
    }

    private void purgeNowAndThen(long now) {
        if (calls.incrementAndGet() % PURGE_EVERY == 0) {
            windows.values().removeIf(w -> w.expired(now, windowMillis));
        }
    }

    private record Window(long start, int count) {
        boolean expired(long now, long windowMillis) {
            return now >= start + windowMillis;
        }
    }
}
