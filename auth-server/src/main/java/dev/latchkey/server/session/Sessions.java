package dev.latchkey.server.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;

import dev.latchkey.server.db.Rows;
import dev.latchkey.server.token.Tokens;

/**
 * The {@code user_session} table. Only the SHA-256 of a session token is stored. A session ends at its
 * absolute lifetime ({@code auth.session.ttl}), or earlier when unused for {@code auth.session.idle-timeout}.
 */
public final class Sessions {
    public record Issued(String token, Instant expiresAt) {
        @Override
        public String toString() {
            return "Issued[expiresAt=" + expiresAt + "]";
        }
    }

    /** The most a session's recorded last use may lag behind: a write per minute, not per request. */
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    private final Clock clock;
    private final Duration ttl;
    private final long idleMillis;
    private final long touchEveryMillis;

    public Sessions(Clock clock, Duration ttl, Duration idleTimeout) {
        this.clock = clock;
        this.ttl = ttl;
        this.idleMillis = idleTimeout.toMillis();
        // A short timeout gets a finer record, so that a session never ends more than a tenth early.
        this.touchEveryMillis = Math.min(TOUCH_EVERY.toMillis(), idleMillis / 10);
    }

    public Issued create(DbExecute db, long userId) {
        long now = clock.millis();
        String token = Tokens.newSessionToken();
        long expires = now + ttl.toMillis();
        db.insert("INSERT INTO user_session (token_hash, user_id, created_at, expires_at, last_used_at)"
                + " VALUES (?, ?, ?, ?, ?)", Tokens.sha256(token), userId, now, expires, now);
        return new Issued(token, Instant.ofEpochMilli(expires));
    }

    /**
     * The user of a live session: known, not revoked, not expired, used within the idle timeout; this
     * use is then recorded. The record lives in the database, so a session used on one instance stays
     * alive on every other; it is written only once its last record is older than a minute, by a
     * conditional update that makes concurrent requests write it once.
     */
    public Optional<Long> userOf(DbExecute db, String token) {
        if (!Tokens.isSessionTokenShape(token)) {
            return Optional.empty();
        }
        long now = clock.millis();
        String hash = Tokens.sha256(token);
        Optional<DbRow> live = db.get("SELECT user_id, last_used_at FROM user_session WHERE token_hash = ?"
                + " AND revoked_at IS NULL AND expires_at > ? AND last_used_at > ?", hash, now, now - idleMillis);
        live.filter(row -> Rows.longOf(row, "last_used_at") < now - touchEveryMillis)
                .ifPresent(row -> db.update("UPDATE user_session SET last_used_at = ? WHERE token_hash = ?"
                        + " AND last_used_at < ?", now, hash, now - touchEveryMillis));
        return live.map(row -> Rows.longOf(row, "user_id"));
    }

    public void revoke(DbExecute db, String token) {
        db.update("UPDATE user_session SET revoked_at = ? WHERE token_hash = ? AND revoked_at IS NULL",
                clock.millis(), Tokens.sha256(token));
    }

    public void revokeAll(DbExecute db, long userId) {
        db.update("UPDATE user_session SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL",
                clock.millis(), userId);
    }

    public void revokeAllExcept(DbExecute db, long userId, String keptToken) {
        db.update("UPDATE user_session SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL AND token_hash <> ?",
                clock.millis(), userId, Tokens.sha256(keptToken));
    }
}
