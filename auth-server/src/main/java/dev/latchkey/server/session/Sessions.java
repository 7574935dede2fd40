package dev.latchkey.server.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import io.helidon.dbclient.DbExecute;

import dev.latchkey.server.db.Rows;
import dev.latchkey.server.token.Tokens;

/** The {@code user_session} table. Only the SHA-256 of a session token is stored. */
public final class Sessions {
    public record Issued(String token, Instant expiresAt) {
        @Override
        public String toString() {
            return "Issued[expiresAt=" + expiresAt + "]";
        }
    }

    private final Clock clock;
    private final Duration ttl;

    public Sessions(Clock clock, Duration ttl) {
        this.clock = clock;
        this.ttl = ttl;
    }

    public Issued create(DbExecute db, long userId) {
        long now = clock.millis();
        String token = Tokens.newSessionToken();
        long expires = now + ttl.toMillis();
        db.insert("INSERT INTO user_session (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)",
                Tokens.sha256(token), userId, now, expires);
        return new Issued(token, Instant.ofEpochMilli(expires));
    }

    /** The user of a live session: known, not revoked, not expired. */
    public Optional<Long> userOf(DbExecute db, String token) {
        if (!Tokens.isSessionTokenShape(token)) {
            return Optional.empty();
        }
        return db.get("SELECT user_id FROM user_session WHERE token_hash = ? AND revoked_at IS NULL AND expires_at > ?",
                Tokens.sha256(token), clock.millis()).map(row -> Rows.longOf(row, "user_id"));
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
