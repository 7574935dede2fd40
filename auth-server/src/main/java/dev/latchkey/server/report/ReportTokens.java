package dev.latchkey.server.report;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import io.helidon.dbclient.DbExecute;

import dev.latchkey.server.db.Insert;
import dev.latchkey.server.db.Rows;
import dev.latchkey.server.token.Tokens;

/**
 * "Not you?" tokens: made like reset tokens (CSPRNG, only the SHA-256 stored, single use), each tied
 * to the email that carried it and the event that email told of. Issuing a reset token never touches
 * them, so a report link outlives the reset link it came with.
 */
public final class ReportTokens {
    /** What the email that carried the link told of. */
    public enum Event {
        RESET_REQUESTED, INVITATION, PASSWORD_CHANGED,
        /** A second factor added or removed, a recovery code used, or codes tried: someone has the password. */
        SECOND_FACTOR;

        /** Whether the email told of something done with the password, so a report holds the account. */
        public boolean passwordKnown() {
            return this == PASSWORD_CHANGED || this == SECOND_FACTOR;
        }
    }

    /** A usable report token as stored; the raw token is not part of it. */
    public record Usable(long id, long userId, Event event, long mailJobId, Instant eventAt, String eventIp,
                         Instant expiresAt) {
    }

    private final Clock clock;
    private final Duration ttl;

    public ReportTokens(Clock clock, Duration ttl) {
        this.clock = clock;
        this.ttl = ttl;
    }

    /** Issues a token for the event an email tells of; returns the raw token for the link. */
    public String issue(DbExecute db, long userId, Event event, long mailJobId, Instant eventAt, String eventIp) {
        long now = clock.millis();
        String token = Tokens.newResetToken();
        Insert.into(db, "report_token", "token_hash", Tokens.sha256(token), "user_id", userId,
                "event_kind", event.name(), "mail_job_id", mailJobId, "event_at", eventAt.toEpochMilli(),
                "event_ip", eventIp, "created_at", now, "expires_at", now + ttl.toMillis());
        return token;
    }

    public Optional<Usable> findUsable(DbExecute db, String token) {
        if (!Tokens.isResetTokenShape(token)) {
            return Optional.empty();
        }
        return db.get("SELECT id, user_id, event_kind, mail_job_id, event_at, event_ip, expires_at FROM report_token"
                        + " WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?",
                Tokens.sha256(token), clock.millis())
                .map(row -> new Usable(Rows.longOf(row, "id"), Rows.longOf(row, "user_id"),
                        Event.valueOf(Rows.stringOf(row, "event_kind")), Rows.longOf(row, "mail_job_id"),
                        Rows.instantOf(row, "event_at"), Rows.stringOf(row, "event_ip"),
                        Rows.instantOf(row, "expires_at")));
    }

    /** Marks the token used if it still is usable: of two confirmations exactly one sees a changed row. */
    public boolean consume(DbExecute db, Usable token) {
        long now = clock.millis();
        return db.update("UPDATE report_token SET used_at = ? WHERE id = ? AND used_at IS NULL AND expires_at > ?",
                now, token.id(), now) == 1;
    }
}
