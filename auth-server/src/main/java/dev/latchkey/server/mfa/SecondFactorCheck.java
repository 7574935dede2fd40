package dev.latchkey.server.mfa;

import java.time.Clock;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

import io.helidon.dbclient.DbTransaction;

import dev.latchkey.api.ErrorCode;
import dev.latchkey.api.Role;
import dev.latchkey.server.audit.AuditEvent;
import dev.latchkey.server.audit.AuditLog;
import dev.latchkey.server.audit.AuditType;
import dev.latchkey.server.db.Database;
import dev.latchkey.server.http.ApiException;
import dev.latchkey.server.mail.MailKind;
import dev.latchkey.server.metrics.Meters;
import dev.latchkey.server.ratelimit.Decision;
import dev.latchkey.server.ratelimit.RateLimits;
import dev.latchkey.server.user.User;

/**
 * Checks the second factor a client sent for an account: a code of its authenticator app (each works
 * once) or one of its recovery codes (each works once). Every attempt counts against the account and
 * the client IP before it is checked, and a right one is given back, so parallel guesses cannot slip
 * past the limits. The attempt that uses up the account's budget emails the owner.
 */
public final class SecondFactorCheck {
    /** The longest text taken as a second factor: a recovery code with a space between every two symbols. */
    public static final int MAX_LENGTH = 64;

    private final Database db;
    private final SecondFactors factors;
    private final Totp totp = new Totp();
    private final RateLimits limits;
    private final FactorNotices notices;
    private final FactorRemovals removals;
    private final AuditLog audit;
    private final Meters meters;
    private final Set<Role> requiredRoles;
    private final Clock clock;

    public SecondFactorCheck(Database db, SecondFactors factors, RateLimits limits, FactorNotices notices,
                             FactorRemovals removals, AuditLog audit, Meters meters, Set<Role> requiredRoles,
                             Clock clock) {
        this.db = db;
        this.factors = factors;
        this.limits = limits;
        this.notices = notices;
        this.removals = removals;
        this.audit = audit;
        this.meters = meters;
        this.requiredRoles = Set.copyOf(requiredRoles);
        this.clock = clock;
    }

    /** Whether the account's role needs a second factor (auth.mfa.required-roles) and it has none yet. */
    public boolean setupRequired(User user) {
        return requiredRoles.contains(user.role()) && !user.secondFactor();
    }

    /** 403 {@code second_factor_setup_required} when {@link #setupRequired} holds. */
    public void requireSetUp(User user) {
        if (setupRequired(user)) {
            throw ApiException.of(ErrorCode.SECOND_FACTOR_SETUP_REQUIRED, "api.secondFactor.setupRequired");
        }
    }

    /** 401 {@code second_factor_required}: what a request without one gets for an account that has one. */
    public static ApiException required() {
        return ApiException.of(ErrorCode.SECOND_FACTOR_REQUIRED, "api.secondFactor.required");
    }

    /**
     * Accepts {@code presented} for {@code user} and uses it up, or throws: 429 when a limit refuses
     * (before anything is checked), else 401 {@code invalid_second_factor}. {@code atLimit} runs in the
     * transaction that records the failure which used up the account's budget (a reset ends its link there).
     */
    public void verify(User user, String presented, String clientIp, String where, TransactionStep atLimit) {
        limits.secondFactorFailuresPerIp().hit(clientIp).throwIfRefused(this::throttled);
        Decision account = limits.secondFactorFailuresPerAccount().hit(Long.toString(user.id()));
        account.throwIfRefused(this::throttled);
        Optional<String> recovery = Optional.empty();
        boolean accepted;
        String code = presented.strip().replace(" ", "");
        if (Totp.isCodeShape(code)) {
            Optional<byte[]> key = factors.key(db.execute(), user.id());
            OptionalLong step = key.isPresent() ? totp.matchingStep(key.get(), code, clock.instant())
                    : OptionalLong.empty();
            accepted = step.isPresent() && factors.useStep(db.execute(), user.id(), step.getAsLong());
        } else {
            recovery = RecoveryCodes.normalize(presented);
            accepted = recovery.isPresent() && factors.useRecoveryCode(db.execute(), user.id(), recovery.get());
        }
        if (accepted) {
            limits.secondFactorFailuresPerIp().refund(clientIp);
            limits.secondFactorFailuresPerAccount().refund(Long.toString(user.id()));
            if (recovery.isPresent()) {
                meters.secondFactor(Meters.SecondFactor.RECOVERY_CODE_USED);
                db.inTransaction(tx -> {
                    notices.record(tx, user, AuditType.RECOVERY_CODE_USED, MailKind.RECOVERY_CODE_USED, clientIp,
                            "A recovery code was used " + where + "; " + factors.recoveryCodesLeft(tx, user.id())
                                    + " left");
                    return null;
                });
                notices.committed();
            } else {
                meters.secondFactor(Meters.SecondFactor.ACCEPTED);
            }
            // Whoever has the factor is its owner: a removal the help desk asked for is not needed.
            removals.usedByOwner(user, clientIp, where);
            return;
        }
        meters.secondFactor(Meters.SecondFactor.REJECTED);
        String why = "Wrong, used or out-of-time " + (recovery.isPresent() ? "recovery code" : "code") + " " + where;
        if (account.last()) {
            db.inTransaction(tx -> {
                audit.record(tx, new AuditEvent(AuditType.SECOND_FACTOR_REJECTED, user.id(), user.email(), null,
                        clientIp, why));
                atLimit.run(tx);
                notices.record(tx, user, AuditType.SECOND_FACTOR_LIMIT_REACHED, MailKind.SECOND_FACTOR_FAILURES,
                        clientIp, "Too many wrong second-factor codes after a right password; owner emailed");
                return null;
            });
            notices.committed();
        } else {
            audit.record(db.execute(), new AuditEvent(AuditType.SECOND_FACTOR_REJECTED, user.id(), user.email(), null,
                    clientIp, why));
        }
        throw ApiException.of(ErrorCode.INVALID_SECOND_FACTOR, "api.secondFactor.invalid");
    }

    private void throttled() {
        meters.secondFactor(Meters.SecondFactor.THROTTLED);
    }

    /** Work done in the transaction of a failure, given its executor. */
    @FunctionalInterface
    public interface TransactionStep {
        void run(DbTransaction tx);

        TransactionStep NONE = tx -> {
        };
    }
}
