package dev.latchkey.server.mfa;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import dev.latchkey.api.ErrorCode;
import dev.latchkey.api.Responses.RecoveryCodes;
import dev.latchkey.api.Responses.SecondFactorEnrolment;
import dev.latchkey.api.Responses.SecondFactorStatus;
import dev.latchkey.server.audit.AuditEvent;
import dev.latchkey.server.audit.AuditLog;
import dev.latchkey.server.audit.AuditType;
import dev.latchkey.server.db.Database;
import dev.latchkey.server.http.ApiException;
import dev.latchkey.server.mail.MailKind;
import dev.latchkey.server.metrics.Meters;
import dev.latchkey.server.session.Caller;
import dev.latchkey.server.session.CurrentPassword;
import dev.latchkey.server.user.User;

/**
 * A signed-in owner's second factor: enrolment (a new key, which counts only after its first code),
 * recovery codes, and removal. Every change needs the current password, and, once the account has a
 * factor, a code of it too; enrolment and removal email the owner.
 */
public final class SecondFactorService {
    private final Database db;
    private final SecondFactors factors;
    private final SecondFactorCheck check;
    private final CurrentPassword currentPassword;
    private final FactorNotices notices;
    private final AuditLog audit;
    private final Meters meters;
    private final String issuer;
    private final Clock clock;

    public SecondFactorService(Database db, SecondFactors factors, SecondFactorCheck check,
                               CurrentPassword currentPassword, FactorNotices notices, AuditLog audit, Meters meters,
                               String issuer, Clock clock) {
        this.db = db;
        this.factors = factors;
        this.check = check;
        this.currentPassword = currentPassword;
        this.notices = notices;
        this.audit = audit;
        this.meters = meters;
        this.issuer = issuer;
        this.clock = clock;
    }

    public SecondFactorStatus status(Caller caller) {
        User user = caller.user();
        return new SecondFactorStatus(user.secondFactor(),
                user.secondFactor() ? factors.recoveryCodesLeft(db.execute(), user.id()) : 0);
    }

    /**
     * A new key for the caller's authenticator app, waiting for its first code. An account that has a
     * factor keeps it, and it keeps working, until that code comes.
     */
    public SecondFactorEnrolment begin(Caller caller, String password, Optional<String> secondFactor,
                                       String clientIp) {
        User user = caller.user();
        proveOwner(user, password, secondFactor, clientIp, "a second-factor enrolment");
        byte[] key = factors.startEnrolment(db.execute(), user.id());
        return new SecondFactorEnrolment(Totp.base32(key), Totp.uri(issuer, user.email(), key));
    }

    /**
     * The first code of the waiting key: from now on the account has that factor (replacing any
     * earlier one), with ten new recovery codes, shown this once. The owner is emailed.
     */
    public RecoveryCodes confirm(Caller caller, String code, String clientIp) {
        User user = caller.user();
        SecondFactors.Pending pending = factors.pending(db.execute(), user.id())
                .orElseThrow(() -> ApiException.of(ErrorCode.CONFLICT, "api.secondFactor.noEnrolment"));
        String typed = code.strip().replace(" ", "");
        OptionalLong step = Totp.isCodeShape(typed) ? new Totp().matchingStep(pending.key(), typed, clock.instant())
                : OptionalLong.empty();
        if (step.isEmpty()) {
            meters.secondFactor(Meters.SecondFactor.REJECTED);
            throw ApiException.of(ErrorCode.INVALID_SECOND_FACTOR, "api.secondFactor.invalid").withStatus(400);
        }
        List<String> codes = db.inTransaction(tx -> {
            if (!factors.confirm(tx, user.id(), pending, step.getAsLong())) {
                return null;
            }
            List<String> fresh = factors.replaceRecoveryCodes(tx, user.id());
            notices.record(tx, user, AuditType.SECOND_FACTOR_ENROLLED, MailKind.SECOND_FACTOR_ADDED, clientIp,
                    user.secondFactor() ? "Second factor replaced by a new one; new recovery codes"
                            : "Second factor added, with recovery codes");
            return fresh;
        });
        if (codes == null) {
            throw ApiException.of(ErrorCode.CONFLICT, "api.secondFactor.noEnrolment");
        }
        notices.committed();
        meters.secondFactor(Meters.SecondFactor.ENROLLED);
        return new RecoveryCodes(codes);
    }

    /** Ten new recovery codes, shown this once; the earlier ones stop working. */
    public RecoveryCodes replaceRecoveryCodes(Caller caller, String password, Optional<String> secondFactor,
                                              String clientIp) {
        User user = requireFactor(caller);
        proveOwner(user, password, secondFactor, clientIp, "new recovery codes");
        List<String> codes = db.inTransaction(tx -> {
            List<String> fresh = factors.replaceRecoveryCodes(tx, user.id());
            audit.record(tx, new AuditEvent(AuditType.RECOVERY_CODES_REPLACED, user.id(), user.email(), user.email(),
                    clientIp, "New recovery codes; the earlier ones no longer work"));
            return fresh;
        });
        return new RecoveryCodes(codes);
    }

    /** Removes the caller's second factor and its recovery codes; the owner is emailed. */
    public void remove(Caller caller, String password, Optional<String> secondFactor, String clientIp) {
        User user = requireFactor(caller);
        proveOwner(user, password, secondFactor, clientIp, "a second-factor removal");
        db.inTransaction(tx -> {
            factors.remove(tx, user.id());
            notices.record(tx, user, AuditType.SECOND_FACTOR_REMOVED, MailKind.SECOND_FACTOR_REMOVED, clientIp,
                    "Second factor and recovery codes removed by the owner");
            return null;
        });
        notices.committed();
        meters.secondFactor(Meters.SecondFactor.REMOVED);
    }

    private static User requireFactor(Caller caller) {
        if (!caller.user().secondFactor()) {
            throw ApiException.of(ErrorCode.CONFLICT, "api.secondFactor.none");
        }
        return caller.user();
    }

    /** The current password, and a code when the account has a factor (401 without one). */
    private void proveOwner(User user, String password, Optional<String> secondFactor, String clientIp,
                            String what) {
        currentPassword.require(user, password, clientIp, what);
        if (user.secondFactor()) {
            check.verify(user, secondFactor.orElseThrow(SecondFactorCheck::required), clientIp, "for " + what,
                    SecondFactorCheck.TransactionStep.NONE);
        }
    }
}
