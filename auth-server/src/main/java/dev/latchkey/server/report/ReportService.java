package dev.latchkey.server.report;

import java.time.Clock;

import dev.latchkey.api.EmailAddress;
import dev.latchkey.api.Responses.ReportOutcome;
import dev.latchkey.api.Responses.ReportView;
import dev.latchkey.server.audit.AuditEvent;
import dev.latchkey.server.audit.AuditLog;
import dev.latchkey.server.audit.AuditType;
import dev.latchkey.server.cases.Cases;
import dev.latchkey.server.db.Database;
import dev.latchkey.server.http.ApiException;
import dev.latchkey.server.ratelimit.RateLimits;
import dev.latchkey.server.reset.ResetTokens;
import dev.latchkey.server.session.Sessions;
import dev.latchkey.server.signal.Signals;
import dev.latchkey.server.user.User;
import dev.latchkey.server.user.Users;

/**
 * "Not you?": an owner reports an email they did not expect. Looking at the report changes nothing
 * (mail scanners open links); confirming it, once, cancels the user's outstanding reset links and opens
 * a case (or joins the owner's report case that is not resolved yet: one per account, however many
 * reports), and for a reported password change also signs out every session and holds the account.
 * The owner is told the case's reference, never its number, which counts everyone's cases.
 */
public final class ReportService {
    private final Database db;
    private final Users users;
    private final ReportTokens reports;
    private final ResetTokens resetTokens;
    private final Sessions sessions;
    private final Cases cases;
    private final AuditLog audit;
    private final RateLimits limits;
    private final Signals signals;
    private final String supportContact;
    private final Clock clock;

    public ReportService(Database db, Users users, ReportTokens reports, ResetTokens resetTokens, Sessions sessions,
                         Cases cases, AuditLog audit, RateLimits limits, Signals signals, String supportContact,
                         Clock clock) {
        this.db = db;
        this.users = users;
        this.reports = reports;
        this.resetTokens = resetTokens;
        this.sessions = sessions;
        this.cases = cases;
        this.audit = audit;
        this.limits = limits;
        this.signals = signals;
        this.supportContact = supportContact;
        this.clock = clock;
    }

    /** What the link reports, for the owner to confirm; reads only. */
    public ReportView view(String token, String clientIp) {
        ReportTokens.Usable usable = usableOrRefuse(token, clientIp);
        User user = users.findById(db.execute(), usable.userId()).orElseThrow(ApiException::invalidToken);
        return new ReportView(usable.event().name(), usable.eventAt().toString(), usable.eventIp(),
                EmailAddress.mask(user.email()), usable.expiresAt().toString());
    }

    /** Acts on the report, in one transaction with the token's single use, and opens a case. */
    public ReportOutcome confirm(String token, String clientIp) {
        ReportTokens.Usable usable = usableOrRefuse(token, clientIp);
        User user = users.findById(db.execute(), usable.userId()).orElseThrow(ApiException::invalidToken);
        boolean changed = usable.event().passwordKnown();
        String reference = db.inTransaction(tx -> {
            if (!reports.consume(tx, usable)) {
                return null;
            }
            users.reported(tx, user.id(), clock.instant());
            resetTokens.invalidateAll(tx, user.id());
            if (changed) {
                // The hold takes the user's row lock, so no sign-in in flight can still make a session.
                users.hold(tx, user.id(), clock.instant());
                sessions.revokeAll(tx, user.id());
            }
            String what = describe(usable);
            long id = cases.openReportOf(tx, user.id()).map(open -> {
                cases.addNote(tx, open, user.email(), "The owner also reports " + what + "; confirmed from "
                        + clientIp);
                cases.setStatus(tx, open, Cases.Status.OPEN);
                return open;
            }).orElseGet(() -> cases.open(tx, Cases.Kind.REPORT, null, "Owner reports " + what, user.id(), clientIp));
            audit.record(tx, new AuditEvent(AuditType.REPORT_CONFIRMED, user.id(), user.email(), user.email(),
                    clientIp, "Owner says they did not expect " + what + "; outstanding reset links cancelled"
                    + (changed ? "; every session signed out; account held" : "") + "; case " + id)
                    .withMailJob(usable.mailJobId()));
            return cases.reference(tx, id);
        });
        if (reference == null) {
            rejected(clientIp);
            throw ApiException.invalidToken();
        }
        String message = changed
                ? "Thank you. Every session of your account is now signed out, and the account is on hold:"
                        + " nobody can sign in with a password or reset it until the help desk releases it."
                        + " They will check with you and then send you a new reset link."
                : "Thank you. The link in that email no longer works, and neither does any other reset link we"
                        + " sent you. Nothing else changed: your password and your sessions are as they were.";
        return new ReportOutcome(usable.event().name(), changed, reference, message, supportContact);
    }

    private static String describe(ReportTokens.Usable usable) {
        String what = switch (usable.event()) {
            case RESET_REQUESTED -> "the reset email";
            case INVITATION -> "the invitation email";
            case PASSWORD_CHANGED -> "the password change";
            case SECOND_FACTOR -> "the change or use of the second factor";
        };
        return what + " of " + usable.eventAt() + " (email " + usable.mailJobId()
                + (usable.eventIp() == null ? "" : ", from " + usable.eventIp()) + ")";
    }

    /** Counted against the client like a reset token guess, and given back when usable. */
    private ReportTokens.Usable usableOrRefuse(String token, String clientIp) {
        limits.tokenFailuresPerIp().hit(clientIp).throwIfRefused();
        ReportTokens.Usable usable = reports.findUsable(db.execute(), token).orElseThrow(() -> {
            audit.record(db.execute(), new AuditEvent(AuditType.REPORT_TOKEN_REJECTED, null, null, null, clientIp,
                    "Unknown, expired or used report token"));
            signals.tokenRejected(clientIp);
            return ApiException.invalidToken();
        });
        limits.tokenFailuresPerIp().refund(clientIp);
        return usable;
    }

    private void rejected(String clientIp) {
        limits.tokenFailuresPerIp().hit(clientIp);
        audit.record(db.execute(), new AuditEvent(AuditType.REPORT_TOKEN_REJECTED, null, null, null, clientIp,
                "Report token used by another request meanwhile"));
        signals.tokenRejected(clientIp);
    }
}
