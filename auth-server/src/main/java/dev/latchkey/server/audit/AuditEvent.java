package dev.latchkey.server.audit;

/**
 * One row of the audit trail. {@code actor} is who acted (the user, a staff member, "system");
 * {@code detail} is plain words and never holds a token or a password.
 */
public record AuditEvent(AuditType type, Long userId, String userEmail, String actor, String clientIp, String detail) {
    public static AuditEvent of(AuditType type, String userEmail, String clientIp) {
        return new AuditEvent(type, null, userEmail, null, clientIp, null);
    }

    public AuditEvent withUser(long id) {
        return new AuditEvent(type, id, userEmail, actor, clientIp, detail);
    }

    public AuditEvent withActor(String newActor) {
        return new AuditEvent(type, userId, userEmail, newActor, clientIp, detail);
    }

    public AuditEvent withDetail(String newDetail) {
        return new AuditEvent(type, userId, userEmail, actor, clientIp, newDetail);
    }
}
