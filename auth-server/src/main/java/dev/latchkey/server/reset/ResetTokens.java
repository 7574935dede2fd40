package dev.latchkey.server.reset;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import io.helidon.dbclient.DbExecute;

import dev.latchkey.server.db.Insert;
import dev.latchkey.server.db.Rows;
import dev.latchkey.server.token.Tokens;

/**
 * One-time password-reset tokens. Only the SHA-256 of a token is stored. A token is usable while it
 * is unused, not invalidated and not expired; issuing one invalidates the user's older unused ones.
 */
public final class ResetTokens {
    /** What a token may set: a reset of an existing password, or the first password of an invitee. */
    public enum Purpose { RESET, INVITE }

    /** A usable token as stored; the raw token is not part of it. */
    public record Usable(long id, long userId, Purpose purpose, Instant expiresAt, String requestedIp) {
    }

    private final Clock clock;

    public ResetTokens(Clock clock) {
        this.clock = clock;
    }

    /**
     * Issues a token for the user, superseding their older unused tokens; returns the raw token.
     * {@code requestedIp} is where the reset was asked from (null if unknown).
     */
    public String issue(DbExecute db, long userId, Purpose purpose, Duration ttl, String requestedIp) {
        long now = clock.millis();
        invalidateAll(db, userId);
        String token = Tokens.newResetToken();
        Insert.into(db, "reset_token", "token_hash", Tokens.sha256(token), "user_id", userId, "purpose", purpose.name(),
                "created_at", now, "expires_at", now + ttl.toMillis(), "requested_ip", requestedIp);
        return token;
    }

    public Optional<Usable> findUsable(DbExecute db, String token) {
        if (!Tokens.isResetTokenShape(token)) {
            return Optional.empty();
        }
        return db.get("SELECT id, user_id, purpose, expires_at, requested_ip FROM reset_token WHERE token_hash = ?"
                        + " AND used_at IS NULL AND invalidated_at IS NULL AND expires_at > ?",
                Tokens.sha256(token), clock.millis())
                .map(row -> new Usable(Rows.longOf(row, "id"), Rows.longOf(row, "user_id"),
                        Purpose.valueOf(Rows.stringOf(row, "purpose")), Rows.instantOf(row, "expires_at"),
                        Rows.stringOf(row, "requested_ip")));
    }

    /**
     * Marks the token used if it still is usable. The conditional update takes the row's lock, so of
     * two transactions consuming one token exactly one sees a changed row.
     */
    public boolean consume(DbExecute db, Usable token) {
        long now = clock.millis();
        return db.update("UPDATE reset_token SET used_at = ? WHERE id = ? AND used_at IS NULL"
                + " AND invalidated_at IS NULL AND expires_at > ?", now, token.id(), now) == 1;
    }

    /**
     * Claims the token for one completion until {@code until}: of many completes with one token, only
     * the one that claims it goes on to hash a password (Argon2id is the costly part); the others are
     * refused at once. The claim lives in the database, so it holds across instances.
     */
    public boolean claim(DbExecute db, Usable token, Instant until) {
        long now = clock.millis();
        return db.update("UPDATE reset_token SET completing_until = ? WHERE id = ? AND used_at IS NULL"
                + " AND invalidated_at IS NULL AND expires_at > ? AND (completing_until IS NULL OR completing_until <= ?)",
                until.toEpochMilli(), token.id(), now, now) == 1;
    }

    /** Gives a claim back: the completion that held it stopped before using the token. */
    public void release(DbExecute db, Usable token) {
        db.update("UPDATE reset_token SET completing_until = NULL WHERE id = ? AND used_at IS NULL", token.id());
    }

    /** Invalidates every unused token of the user. */
    public void invalidateAll(DbExecute db, long userId) {
        db.update("UPDATE reset_token SET invalidated_at = ? WHERE user_id = ? AND used_at IS NULL"
                + " AND invalidated_at IS NULL", clock.millis(), userId);
    }
}
