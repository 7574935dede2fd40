package dev.latchkey.server.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.UnaryOperator;

/**
 * At most {@code limit} events per key in a fixed window of {@code window}, in memory: exact when one
 * process owns the database (Derby). Instances sharing PostgreSQL use {@link SharedWindowLimiter}.
 *
 * <p>At most {@code maxKeys} windows are kept, so that a spray of unique addresses cannot grow the heap
 * without bound. When a new key finds the map full, expired windows go first; if that is not enough,
 * a tenth of the map goes, the windows with the fewest events first and, among equal counts, the
 * oldest. Forgetting a window gives its key a fresh budget, so the order protects the windows that
 * matter: a key near or at its limit has more events than the one-event keys a spray makes, and
 * outlives them; to push it out an attacker must bring thousands of other keys to at least its count,
 * itself limited. Refusing new keys when full was not chosen: that would make the limit global, one
 * sprayer refusing every new client.
 */
public final class WindowLimiter implements Limiter {
    private static final int PURGE_EVERY = 1024;
    /** Windows kept per limiter: a few megabytes even for long email keys. */
    static final int MAX_KEYS = 50_000;
    private static final Comparator<Map.Entry<String, Window>> LEAST_TELLING =
            Comparator.comparingInt((Map.Entry<String, Window> e) -> e.getValue().count)
                    .thenComparingLong(e -> e.getValue().start);

    private final int limit;
    private final long windowMillis;
    private final Clock clock;
    private final boolean enabled;
    private final UnaryOperator<String> keyOf;
    private final int maxKeys;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    private final AtomicLong calls = new AtomicLong();
    private final ReentrantLock evicting = new ReentrantLock();

    /** A limiter whose keys are first mapped by {@code keyOf} (e.g. a client IP to its network). */
    public WindowLimiter(int limit, Duration window, Clock clock, boolean enabled, UnaryOperator<String> keyOf) {
        this(limit, window, clock, enabled, keyOf, MAX_KEYS);
    }

    WindowLimiter(int limit, Duration window, Clock clock, boolean enabled, UnaryOperator<String> keyOf,
                  int maxKeys) {
        this.limit = limit;
        this.windowMillis = window.toMillis();
        this.clock = clock;
        this.enabled = enabled;
        this.keyOf = keyOf;
        this.maxKeys = maxKeys;
    }

    @Override
    public Decision hit(String key) {
        if (!enabled) {
            return Decision.ALLOW;
        }
        long now = clock.millis();
        purgeNowAndThen(now);
        String mapped = keyOf.apply(key);
        if (windows.size() >= maxKeys && !windows.containsKey(mapped)) {
            makeRoom(now);
        }
        Window w = windows.compute(mapped, (k, old) -> old == null || old.expired(now, windowMillis)
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

    /**
     * Frees room for a new key (see the class comment). One thread does it at a time; others that find
     * the map full meanwhile go ahead, so it may exceed {@code maxKeys} by as many as run at once.
     */
    private void makeRoom(long now) {
        if (!evicting.tryLock()) {
            return;
        }
        try {
            if (windows.size() < maxKeys) {
                return;
            }
            windows.values().removeIf(w -> w.expired(now, windowMillis));
            int keep = maxKeys - Math.max(1, maxKeys / 10);
            int excess = windows.size() - keep;
            if (excess <= 0) {
                return;
            }
            List<Map.Entry<String, Window>> leastTelling = windows.entrySet().stream()
                    .map(e -> Map.entry(e.getKey(), e.getValue())).sorted(LEAST_TELLING).limit(excess).toList();
            // Only if unchanged: a window that counted another event meanwhile stays.
            leastTelling.forEach(e -> windows.remove(e.getKey(), e.getValue()));
        } finally {
            evicting.unlock();
        }
    }

    /** How many windows are kept now. */
    int size() {
        return windows.size();
    }

    private record Window(long start, int count) {
        boolean expired(long now, long windowMillis) {
            return now >= start + windowMillis;
        }
    }
}
