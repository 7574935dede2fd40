package dev.latchkey.server.mfa;

import io.helidon.dbclient.DbTransaction;

import dev.latchkey.server.audit.AuditEvent;
import dev.latchkey.server.audit.AuditLog;
import dev.latchkey.server.audit.AuditType;
import dev.latchkey.server.mail.MailJobs;
import dev.latchkey.server.mail.MailKind;
import dev.latchkey.server.user.User;

/**
 * What the second factor's events leave behind: an audit row and the owner's security email (with its
 * "Not you?" link), queued in the transaction of the event itself.
 */
public final class FactorNotices {
    private final MailJobs mailJobs;
    private final Runnable mailWake;
    private final AuditLog audit;

    public FactorNotices(MailJobs mailJobs, Runnable mailWake, AuditLog audit) {
        this.mailJobs = mailJobs;
        this.mailWake = mailWake;
        this.audit = audit;
    }

    /** Audits {@code type} and queues the {@code kind} email to the owner, both in {@code tx}. */
    public void record(DbTransaction tx, User user, AuditType type, MailKind kind, String clientIp, String detail) {
        long job = mailJobs.enqueueReturningId(tx, kind, user.email(), clientIp, null);
        audit.record(tx, new AuditEvent(type, user.id(), user.email(), user.email(), clientIp, detail).withMailJob(job));
    }

    /** After the transaction committed: the email can go now. */
    public void committed() {
        mailWake.run();
    }
}
