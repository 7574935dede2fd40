package dev.latchkey.server.audit;

import java.time.Clock;

import io.helidon.dbclient.DbExecute;

import dev.latchkey.server.db.Insert;

/** Writes audit rows, in whatever transaction the caller passes, so an event commits with its cause. */
public final class AuditLog {
    /** The column's size in UTF-16 units (V3): room for the longest reason staff may give. */
    private static final int DETAIL_MAX = 2000;

    private final Clock clock;

    public AuditLog(Clock clock) {
        this.clock = clock;
    }

    public void record(DbExecute db, AuditEvent event) {
        Insert.into(db, "audit_event", "occurred_at", clock.millis(), "event_type", event.type().name(),
                "user_id", event.userId(), "user_email", event.userEmail(), "actor", event.actor(),
                "client_ip", event.clientIp(), "detail", truncate(event.detail()), "mail_job_id", event.mailJobId());
    }

    private static String truncate(String detail) {
        if (detail == null || detail.length() <= DETAIL_MAX) {
            return detail;
        }
        // Never cut a character in half.
        int end = Character.isHighSurrogate(detail.charAt(DETAIL_MAX - 1)) ? DETAIL_MAX - 1 : DETAIL_MAX;
        return detail.substring(0, end);
    }
}
