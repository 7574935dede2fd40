package dev.latchkey.server.reset;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import dev.latchkey.api.EmailAddress;
import dev.latchkey.api.ErrorCode;
import dev.latchkey.api.Responses.VerifyResponse;
import dev.latchkey.server.audit.AuditEvent;
import dev.latchkey.server.audit.AuditLog;
import dev.latchkey.server.audit.AuditType;
import dev.latchkey.server.db.Database;
import dev.latchkey.server.http.ApiException;
import dev.latchkey.server.i18n.Reader;
import dev.latchkey.server.mail.MailJobs;
import dev.latchkey.server.mail.MailKind;
import dev.latchkey.server.mfa.SecondFactorCheck;
import dev.latchkey.server.password.PasswordChanges;
import dev.latchkey.server.metrics.Meters;
import dev.latchkey.server.ratelimit.RateLimits;
import dev.latchkey.server.session.Sessions;
import dev.latchkey.server.signal.Signals;
import dev.latchkey.server.user.User;
import dev.latchkey.server.user.Users;

/** The password-reset flow: request, verify, complete. */
public final class ResetService {
    /** How long one completion may hold its token before another may try: far longer than a hash takes. */
    private static final Duration CLAIM = Duration.ofMinutes(2);

    private final Database db;
    private final Users users;
    private final ResetTokens tokens;
    private final Sessions sessions;
    private final PasswordChanges changes;
    private final MailJobs mailJobs;
    private final Runnable mailWake;
    private final AuditLog audit;
    private final RateLimits limits;
    private final Signals signals;
    private final SecondFactorCheck secondFactors;
    private final Meters meters;
    private final Clock clock;

    public ResetService(Database db, Users users, ResetTokens tokens, Sessions sessions, PasswordChanges changes,
                        MailJobs mailJobs, Runnable mailWake, AuditLog audit, RateLimits limits, Signals signals,
                        SecondFactorCheck secondFactors, Meters meters, Clock clock) {
        this.db = db;
        this.users = users;
        this.tokens = tokens;
        this.sessions = sessions;
        this.changes = changes;
        this.mailJobs = mailJobs;
        this.mailWake = mailWake;
        this.audit = audit;
        this.limits = limits;
        this.signals = signals;
        this.secondFactors = secondFactors;
        this.meters = meters;
        this.clock = clock;
    }

    /**
     * Takes a reset request. The request path does the same work whether or not the address has an
     * account: no lookup happens here. {@code email} is normalized. The sender looks the address up later, off the request path.
     */
    public void request(String email, String clientIp, Optional<Reader> reader) {
        limits.resetRequestsPerIp().hit(clientIp).throwIfRefused(this::throttled);
        if (limits.resetRequestsPerEmail().hit(email).allowed()) {
            // A transaction of one insert: rerun if Derby gives up on a lock under load (Database).
            db.inTransaction(tx -> {
                mailJobs.enqueue(tx, MailKind.PASSWORD_RESET, email, clientIp, null, reader);
                return null;
            });
            mailWake.run();
            meters.reset(Meters.Reset.REQUESTED);
        } else {
            throttled();
            audit.record(db.execute(), new AuditEvent(AuditType.RESET_REQUEST_THROTTLED, null, email, null, clientIp,
                    "More than 3 requests for this address in 15 minutes; nothing sent"));
        }
    }

    /**
     * Tells whether a token is usable, without consuming it, and whether its completion needs the
     * account's second factor.
     */
    public VerifyResponse verify(String token, String clientIp) {
        ResetTokens.Usable usable = usableOrRefuse(token, clientIp);
        User user = users.findById(db.execute(), usable.userId()).orElseThrow(ApiException::invalidToken);
        return new VerifyResponse(true, EmailAddress.mask(user.email()), usable.expiresAt().toString(),
                user.secondFactor());
    }

    /**
     * Sets a new password with a token. Everything happens in one transaction: the token is consumed
     * (exactly one of two concurrent completes wins), the password stored (which locks the user's row,
     * so no sign-in in flight can still make a session with the old one), every session revoked, the
     * user's other tokens invalidated, the sign-in throttle cleared, an audit row written and a
     * "password changed" email queued. Only one complete per token hashes at a time.
     *
     * <p>An account with a second factor needs it here too, so the mailbox alone never sets its
     * password. Without it: 400 {@code second_factor_required}, and the token stays usable. A wrong one:
     * 400 {@code invalid_second_factor}, counted like a wrong code at sign-in; the failure that uses up
     * the account's budget also ends every reset link of the account. The policy is checked first, so a
     * refused password does not use up a code.
     */
    public void complete(String token, String newPassword, Optional<String> secondFactor, String clientIp,
                         Optional<Reader> reader) {
        ResetTokens.Usable usable = usableOrRefuse(token, clientIp);
        User user = users.findById(db.execute(), usable.userId()).orElseThrow(ApiException::invalidToken);
        changes.requireAcceptable(newPassword, user, clientIp);
        if (user.secondFactor()) {
            requireSecondFactor(user, secondFactor, clientIp);
        }
        if (!tokens.claim(db.execute(), usable, clock.instant().plus(CLAIM))) {
            rejected(clientIp, "Token already being used by another request");
            throw ApiException.invalidToken();
        }
        boolean done = false;
        try {
            String hash = changes.hash(newPassword);
            done = db.inTransaction(tx -> {
                // A hold invalidates the user's tokens, but not one the mail sender was issuing as it
                // committed: the hold is checked here, under the row lock the password update needs.
                if (!tokens.consume(tx, usable) || !users.lockIfNotHeld(tx, user.id())) {
                    return false;
                }
                changes.store(tx, user, hash, new AuditEvent(AuditType.RESET_COMPLETED, user.id(), user.email(),
                        user.email(), clientIp, usable.purpose() == ResetTokens.Purpose.INVITE
                                ? "First password set from an invitation"
                                : "Password reset with an emailed token; all sessions signed out"), clientIp);
                sessions.revokeAll(tx, user.id());
                tokens.invalidateAll(tx, user.id());
                // The mailbox is proved: the account's emails follow this client's language from now on.
                reader.ifPresent(known -> users.setReader(tx, user.id(), known));
                limits.signInPerEmail().clear(tx, user.email());
                return true;
            });
        } finally {
            if (!done) {
                tokens.release(db.execute(), usable);
            }
        }
        if (!done) {
            rejected(clientIp, "Token was used or replaced, or the account held, while the new password was set");
            throw ApiException.invalidToken();
        }
        changes.committed();
        meters.reset(Meters.Reset.COMPLETED);
        signals.resetCompleted(user, usable.requestedIp(), clientIp);
    }

    private void requireSecondFactor(User user, Optional<String> secondFactor, String clientIp) {
        String presented = secondFactor.orElseThrow(() -> SecondFactorCheck.required().withStatus(400));
        try {
            secondFactors.verify(user, presented, clientIp, "to complete a reset",
                    tx -> tokens.invalidateAll(tx, user.id()));
        } catch (ApiException e) {
            throw e.code() == ErrorCode.INVALID_SECOND_FACTOR ? e.withStatus(400) : e;
        }
    }

    /**
     * The usable token, or 400. The attempt counts against the client IP from the start and is given
     * back when the token turns out usable, so parallel guesses cannot slip past the limit.
     */
    private ResetTokens.Usable usableOrRefuse(String token, String clientIp) {
        limits.tokenFailuresPerIp().hit(clientIp).throwIfRefused(this::throttled);
        ResetTokens.Usable usable = tokens.findUsable(db.execute(), token).orElseThrow(() -> {
            audited(clientIp, "Unknown, expired, used or superseded token");
            return ApiException.invalidToken();
        });
        limits.tokenFailuresPerIp().refund(clientIp);
        return usable;
    }

    private void rejected(String clientIp, String why) {
        limits.tokenFailuresPerIp().hit(clientIp);
        audited(clientIp, why);
    }

    private void throttled() {
        meters.reset(Meters.Reset.THROTTLED);
    }

    private void audited(String clientIp, String why) {
        meters.reset(Meters.Reset.TOKEN_REJECTED);
        audit.record(db.execute(), new AuditEvent(AuditType.RESET_TOKEN_REJECTED, null, null, null, clientIp, why));
        signals.tokenRejected(clientIp);
    }

}
