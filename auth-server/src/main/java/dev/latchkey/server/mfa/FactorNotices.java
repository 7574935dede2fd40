package dev.latchkey.server.mfa;

import java.time.Instant;

import io.helidon.dbclient.DbExecute;
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

    /** Audits {@code type}, done by the owner, and queues the {@code kind} email to them, both in {@code tx}. */
    public void record(DbTransaction tx, User user, AuditType type, MailKind kind, String clientIp, String detail) {
        queue(tx, user, type, kind, user.email(), clientIp, null, clientIp, detail);
    }

    /**
     * The same for what a staff member did: the audit names them and their IP; the email names them,
     * and not the IP of the help desk's office, which is not the owner's business.
     */
    public void recordByStaff(DbTransaction tx, User user, User staff, AuditType type, MailKind kind, String clientIp,
                              String detail) {
        queue(tx, user, type, kind, staff.email(), clientIp, staff.displayName(), null, detail);
    }

    /** The same for what the server did on its own, when a waiting time ended. */
    public void recordByServer(DbTransaction tx, User user, AuditType type, MailKind kind, String detail) {
        queue(tx, user, type, kind, null, null, null, null, detail);
    }

    /** Whether the owner's {@code kind} email about an event at {@code since} went out. */
    public boolean told(DbExecute db, User user, MailKind kind, Instant since) {
        return mailJobs.sentSince(db, kind, user.email(), since);
    }

    /** Audits {@code type} alone: nothing to tell the owner. */
    public void audit(DbTransaction tx, User user, AuditType type, String actor, String clientIp, String detail) {
        audit.record(tx, new AuditEvent(type, user.id(), user.email(), actor, clientIp, detail));
    }

    private void queue(DbTransaction tx, User user, AuditType type, MailKind kind, String actor, String clientIp,
                       String mailActor, String mailIp, String detail) {
        long job = mailJobs.enqueueReturningId(tx, kind, user.email(), mailIp, mailActor);
        audit.record(tx, new AuditEvent(type, user.id(), user.email(), actor, clientIp, detail).withMailJob(job));
    }

    /** After the transaction committed: the email can go now. */
    public void committed() {
        mailWake.run();
    }
}
