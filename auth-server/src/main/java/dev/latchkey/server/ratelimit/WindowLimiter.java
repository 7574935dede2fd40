package dev.latchkey.server.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;

/**
 * At most {@code limit} events per key in a fixed window of {@code window}, in memory: exact when one
 * process owns the database (Derby). Instances sharing PostgreSQL use {@link SharedWindowLimiter}.
 */
public final class WindowLimiter implements Limiter {
    private static final int PURGE_EVERY = 1024;

    private final int limit;
    private final long windowMillis;
    private final Clock clock;
    private final boolean enabled;
    private final UnaryOperator<String> keyOf;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    private final AtomicLong calls = new AtomicLong();

    /** A limiter whose keys are first mapped by {@code keyOf} (e.g. a client IP to its network). */
    public WindowLimiter(int limit, Duration window, Clock clock, boolean enabled, UnaryOperator<String> keyOf) {
        this.limit = limit;
        this.windowMillis = window.toMillis();
        this.clock = clock;
        this.enabled = enabled;
        this.keyOf = keyOf;
    }

    @Override
    public Decision hit(String key) {
        if (!enabled) {
            return Decision.ALLOW;
        }
        long now = clock.millis();
        purgeNowAndThen(now);
        Window w = windows.compute(keyOf.apply(key), (k, old) -> old == null || old.expired(now, windowMillis)
                ? new Window(now, 1) : new Window(old.start, old.count + 1));
        return w.count <= limit ? Decision.allow(w.count, limit) : Decision.refuse(w.start + windowMillis - now);
    }

    @Override
    public void refund(String key) {
        if (!enabled) {
            return;
        }
        long now = clock.millis();
        windows.computeIfPresent(keyOf.apply(key), (k, w) -> w.expired(now, windowMillis) || w.count <= 1 ? null
                : new Window(w.start, w.count - 1));
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
