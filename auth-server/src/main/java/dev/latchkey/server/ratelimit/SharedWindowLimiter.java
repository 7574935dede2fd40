package dev.latchkey.server.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;

import io.helidon.dbclient.DbRow;

import dev.latchkey.server.db.Database;
import dev.latchkey.server.db.Rows;
import dev.latchkey.server.token.Tokens;

/**
 * A {@link WindowLimiter} kept in PostgreSQL's {@code rate_window} table, so that every instance on the
 * database counts against one window. Each hit is one atomic upsert: concurrent hits from any number
 * of instances each see a distinct count. Keys are stored as their SHA-256.
 */
public final class SharedWindowLimiter implements Limiter {
    private static final int PURGE_EVERY = 1024;
    private static final String HIT = "INSERT INTO rate_window AS w"
            + " (limiter, client_key, window_start, hits, expires_at)"
            + " VALUES (?, ?, ?, 1, ?) ON CONFLICT (limiter, client_key) DO UPDATE SET"
            + " hits = CASE WHEN w.expires_at <= EXCLUDED.window_start THEN 1 ELSE w.hits + 1 END,"
            + " window_start = CASE WHEN w.expires_at <= EXCLUDED.window_start"
            + " THEN EXCLUDED.window_start ELSE w.window_start END,"
            + " expires_at = CASE WHEN w.expires_at <= EXCLUDED.window_start"
            + " THEN EXCLUDED.expires_at ELSE w.expires_at END"
            + " RETURNING hits, expires_at";

    private final Database db;
    private final String name;
    private final int limit;
    private final long windowMillis;
    private final Clock clock;
    private final UnaryOperator<String> keyOf;
    private final AtomicLong calls = new AtomicLong();

    /** {@code name} tells this limit's rows from the others' (at most 32 characters). */
    public SharedWindowLimiter(Database db, String name, int limit, Duration window, Clock clock,
                               UnaryOperator<String> keyOf) {
        this.db = db;
        this.name = name;
        this.limit = limit;
        this.windowMillis = window.toMillis();
        this.clock = clock;
        this.keyOf = keyOf;
    }

    @Override
    public Decision hit(String key) {
        long now = clock.millis();
        purgeNowAndThen(now);
        DbRow row = db.execute().get(HIT, name, hash(key), now, now + windowMillis).orElseThrow();
        int hits = Rows.intOf(row, "hits");
        return hits <= limit ? Decision.allow(hits, limit)
                : Decision.refuse(Rows.longOf(row, "expires_at") - now);
    }

    @Override
    public void refund(String key) {
        db.execute().update("UPDATE rate_window SET hits = hits - 1"
                + " WHERE limiter = ? AND client_key = ? AND expires_at > ? AND hits > 0",
                name, hash(key), clock.millis());
    }

    private void purgeNowAndThen(long now) {
        if (calls.incrementAndGet() % PURGE_EVERY == 0) {
            db.execute().delete("DELETE FROM rate_window WHERE limiter = ? AND expires_at <= ?", name, now);
        }
    }

    private String hash(String key) {
        return Tokens.sha256(keyOf.apply(key));
    }
}
