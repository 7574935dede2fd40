package dev.latchkey.server.audit;

/**
 * One row of the audit trail. {@code actor} is who acted (the user, a staff member, "system");
 * {@code detail} is plain words and never holds a token or a password; {@code mailJobId} links an
 * event to the email it caused, whose delivery status the trail then shows.
 */
public record AuditEvent(AuditType type, Long userId, String userEmail, String actor, String clientIp, String detail,
                         Long mailJobId) {
    public AuditEvent(AuditType type, Long userId, String userEmail, String actor, String clientIp, String detail) {
        this(type, userId, userEmail, actor, clientIp, detail, null);
    }

    public static AuditEvent of(AuditType type, String userEmail, String clientIp) {
        return new AuditEvent(type, null, userEmail, null, clientIp, null);
    }

    public AuditEvent withMailJob(long id) {
        return new AuditEvent(type, userId, userEmail, actor, clientIp, detail, id);
    }

    public AuditEvent withDetail(String newDetail) {
        return new AuditEvent(type, userId, userEmail, actor, clientIp, newDetail, mailJobId);
    }
}
