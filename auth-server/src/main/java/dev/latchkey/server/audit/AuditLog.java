package dev.latchkey.server.audit;

import java.time.Clock;

import io.helidon.dbclient.DbExecute;

import dev.latchkey.server.db.Insert;

/** Writes audit rows, in whatever transaction the caller passes, so an event commits with its cause. */
public final class AuditLog {
    private static final int DETAIL_MAX = 1000;

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
        return detail == null || detail.length() <= DETAIL_MAX ? detail : detail.substring(0, DETAIL_MAX);
    }
}
