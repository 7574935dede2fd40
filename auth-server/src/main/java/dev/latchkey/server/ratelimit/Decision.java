package dev.latchkey.server.ratelimit;

import dev.latchkey.server.http.ApiException;

/**
 * The answer of a limiter: allowed, or refused with the seconds until the next try may succeed.
 * {@code last}: allowed, and the last event the window allows (the next one is refused).
 */
public record Decision(boolean allowed, long retryAfterSeconds, boolean last) {
    public static final Decision ALLOW = new Decision(true, 0, false);
    static final Decision LAST = new Decision(true, 0, true);

    /** Allowed, as the {@code count}th event of a window that allows {@code limit}. */
    static Decision allow(int count, int limit) {
        return count == limit ? LAST : ALLOW;
    }

    /** Turns a refusal into the API's 429 with {@code Retry-After}. */
    public void throwIfRefused() {
        if (!allowed) {
            throw ApiException.rateLimited(retryAfterSeconds);
        }
    }

    /** {@link #throwIfRefused()}, running {@code counted} first when refused (a metric, say). */
    public void throwIfRefused(Runnable counted) {
        if (!allowed) {
            counted.run();
            throwIfRefused();
        }
    }

    public static Decision refuse(long retryAfterMillis) {
        return new Decision(false, Math.max(1, (retryAfterMillis + 999) / 1000), false);
    }
}
