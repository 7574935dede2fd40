package dev.latchkey.server.helpdesk;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import io.helidon.dbclient.DbTransaction;

import dev.latchkey.api.ErrorCode;
import dev.latchkey.api.Responses.AuditEntry;
import dev.latchkey.api.Responses.CaseDetail;
import dev.latchkey.api.Responses.CasePage;
import dev.latchkey.api.Responses.CaseSummary;
import dev.latchkey.server.audit.AuditEvent;
import dev.latchkey.server.audit.AuditLog;
import dev.latchkey.server.audit.AuditType;
import dev.latchkey.server.cases.Cases;
import dev.latchkey.server.db.Database;
import dev.latchkey.server.http.ApiException;
import dev.latchkey.server.mail.MailJobs;
import dev.latchkey.server.mail.MailKind;
import dev.latchkey.server.ratelimit.Limiter;
import dev.latchkey.server.session.Caller;
import dev.latchkey.server.user.User;
import dev.latchkey.server.user.Users;

/**
 * The help desk's cases: reports from owners and signals from the server. Staff read them with the
 * events around them, acknowledge, note, resolve, and release a held account, which sends its owner
 * a fresh reset link. Every action is audited; HELPDESK members may not release a staff account.
 */
public final class CaseService {
    /** How many of the case's audit events come with it. */
    static final int EVENTS = 50;
    static final String NO_SUCH_CASE = "api.case.notFound";

    private final HelpdeskService helpdesk;
    private final Database db;
    private final Users users;
    private final Cases cases;
    private final MailJobs mailJobs;
    private final Runnable mailWake;
    private final AuditLog audit;
    private final Limiter staffQuota;

    public CaseService(HelpdeskService helpdesk, Database db, Users users, Cases cases, MailJobs mailJobs,
                       Runnable mailWake, AuditLog audit, Limiter staffQuota) {
        this.helpdesk = helpdesk;
        this.db = db;
        this.users = users;
        this.cases = cases;
        this.mailJobs = mailJobs;
        this.mailWake = mailWake;
        this.audit = audit;
        this.staffQuota = staffQuota;
    }

    public CasePage list(Caller staff, Cases.Filter filter, int limit, int offset) {
        HelpdeskService.requireStaff(staff);
        return cases.list(db.execute(), filter, limit, offset);
    }

    public CaseDetail detail(Caller staff, long id) {
        HelpdeskService.requireStaff(staff);
        CaseSummary summary = find(id);
        List<AuditEntry> events = summary.userId() != null
                ? helpdesk.audit(staff, Optional.of(summary.userId()), EVENTS, Optional.empty())
                : helpdesk.auditOfIp(summary.ip(), EVENTS);
        return new CaseDetail(summary, cases.notes(db.execute(), id), events);
    }

    public CaseDetail acknowledge(Caller staff, long id, String clientIp) {
        return act(staff, id, clientIp, AuditType.CASE_ACKNOWLEDGED, "Case acknowledged",
                tx -> cases.setStatus(tx, id, Cases.Status.ACKNOWLEDGED));
    }

    /**
     * Resolves the case; 409 for the report case of a held account, which would leave the account with
     * no case to release it from (release first).
     */
    public CaseDetail resolve(Caller staff, long id, String clientIp) {
        return act(staff, id, clientIp, AuditType.CASE_RESOLVED, "Case resolved", tx -> {
            if (!cases.resolve(tx, id)) {
                throw ApiException.of(ErrorCode.CONFLICT, "api.case.releaseFirst");
            }
        });
    }

    public CaseDetail note(Caller staff, long id, String text, String clientIp) {
        // The note itself is in the case; the trail says one was written, and by whom.
        return act(staff, id, clientIp, AuditType.CASE_NOTE_ADDED, "Note added to the case",
                tx -> cases.addNote(tx, id, staff.user().email(), text));
    }

    /**
     * Lifts the account's hold and sends its owner a fresh reset link; 409 if it is not held, or the
     * case is not the owner's report that is not resolved yet (an old or a signal case must not lift a
     * hold a newer report made). The password set by whoever was reported stops working (see
     * {@link Users#release}).
     */
    public CaseDetail release(Caller staff, long id, String clientIp) {
        HelpdeskService.requireStaff(staff);
        CaseSummary summary = find(id);
        if (summary.userId() == null || !summary.held()) {
            throw ApiException.of(ErrorCode.CONFLICT, "api.case.notHeld");
        }
        User user = helpdesk.target(staff, summary.userId());
        staffQuota.hit(Long.toString(staff.user().id())).throwIfRefused();
        boolean released = db.inTransaction(tx -> {
            // The account's row first, then the case's, in the order a report's confirmation takes them.
            if (!users.release(tx, user.id())) {
                return false;
            }
            // Checked in the transaction, with the case's row locked: a resolve meanwhile waits or wins.
            if (!cases.claimForRelease(tx, id, user.id())) {
                throw ApiException.of(ErrorCode.CONFLICT, "api.case.notHeld");
            }
            long job = mailJobs.enqueueReturningId(tx, MailKind.HELPDESK_RESET, user.email(), clientIp,
                    staff.user().displayName());
            cases.addNote(tx, id, staff.user().email(), "Hold released; the password cleared and a new reset link"
                    + " sent to the owner");
            cases.acknowledgeIfOpen(tx, id);
            audit.record(tx, new AuditEvent(AuditType.ACCOUNT_RELEASED, user.id(), user.email(), staff.user().email(),
                    clientIp, "Hold released from case " + id + "; password cleared; reset email queued")
                    .withMailJob(job));
            return true;
        });
        if (!released) {
            throw ApiException.of(ErrorCode.CONFLICT, "api.case.notHeld");
        }
        mailWake.run();
        return detail(staff, id);
    }

    private CaseDetail act(Caller staff, long id, String clientIp, AuditType type, String what,
                           Consumer<DbTransaction> action) {
        HelpdeskService.requireStaff(staff);
        CaseSummary summary = find(id);
        if (summary.userId() != null) {
            // A HELPDESK member may not close the case of a staff account: it may be about them.
            helpdesk.target(staff, summary.userId());
        }
        db.inTransaction(tx -> {
            action.accept(tx);
            audit.record(tx, new AuditEvent(type, summary.userId(), summary.userEmail(), staff.user().email(),
                    clientIp, what + " (case " + id + ")"));
            return null;
        });
        return detail(staff, id);
    }

    private CaseSummary find(long id) {
        return cases.find(db.execute(), id)
                .orElseThrow(() -> ApiException.of(ErrorCode.NOT_FOUND, NO_SUCH_CASE));
    }
}
