package dev.latchkey.server.ratelimit;

/** At most so many events per key in a window of time. */
public interface Limiter {
    /** Counts one event for {@code key}; refused when that makes more than the limit in this window. */
    Decision hit(String key);

    /** Takes back one event counted in the current window (an attempt that turned out fine). */
    void refund(String key);
}
