package dev.latchkey.server.audit;

import java.net.Inet6Address;
import java.time.Clock;

import io.helidon.dbclient.DbExecute;

import dev.latchkey.server.db.Insert;
import dev.latchkey.server.http.IpRange;

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
                "client_ip", event.clientIp(), "client_ip_hex", ipv6Hex(event.clientIp()),
                "detail", truncate(event.detail()), "mail_job_id", event.mailJobId());
    }

    /** An IPv6 client as 32 hex digits, so that the rows of its /64 or /48 are one index range (V11). */
    private static String ipv6Hex(String clientIp) {
        return clientIp == null ? null : IpRange.literal(clientIp).filter(Inet6Address.class::isInstance)
                .map(IpRange::hex).orElse(null);
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
