package dev.latchkey.server.password;

import java.time.Clock;

import io.helidon.dbclient.DbTransaction;

import dev.latchkey.password.PasswordCheck;
import dev.latchkey.password.PasswordPolicy;
import dev.latchkey.server.audit.AuditEvent;
import dev.latchkey.server.audit.AuditLog;
import dev.latchkey.server.http.ApiException;
import dev.latchkey.server.mail.MailJobs;
import dev.latchkey.server.mail.MailKind;
import dev.latchkey.server.ratelimit.Limiter;
import dev.latchkey.server.user.User;
import dev.latchkey.server.user.Users;

/**
 * What every password change shares, whether by reset or by its owner: the policy check, the hash,
 * and, inside the caller's transaction, the stored hash, the audit row and the "password changed" email.
 */
public final class PasswordChanges {
    private final Users users;
    private final Passwords passwords;
    private final PasswordPolicy policy;
    private final MailJobs mailJobs;
    private final Runnable mailWake;
    private final AuditLog audit;
    private final Limiter weakPerIp;
    private final Clock clock;

    public PasswordChanges(Users users, Passwords passwords, PasswordPolicy policy, MailJobs mailJobs,
                           Runnable mailWake, AuditLog audit, Limiter weakPerIp, Clock clock) {
        this.users = users;
        this.passwords = passwords;
        this.policy = policy;
        this.mailJobs = mailJobs;
        this.mailWake = mailWake;
        this.audit = audit;
        this.weakPerIp = weakPerIp;
        this.clock = clock;
    }

    /**
     * Refuses a new password the policy does not accept: 422 with one line per broken rule. Each refusal
     * counts against the client IP (counted from the start, given back when accepted), so nobody can
     * use the check itself as a free workload.
     */
    public void requireAcceptable(String newPassword, User user, String clientIp) {
        weakPerIp.hit(clientIp).throwIfRefused();
        PasswordCheck check = policy.check(newPassword, user.email());
        if (!check.acceptable()) {
            throw ApiException.weakPassword(language -> policy.failures(check, language));
        }
        weakPerIp.refund(clientIp);
    }

    /** The hash to store for an accepted new password. */
    public String hash(String newPassword) {
        return passwords.hash(newPassword);
    }

    /**
     * Stores the hash, writes the audit event and queues the notice, all in {@code tx}. Call it before
     * revoking sessions in the same transaction: it takes the user's row lock, which a sign-in in flight
     * needs to create its session (see {@link Users#lockIfPasswordVersion}).
     */
    public void store(DbTransaction tx, User user, String hash, AuditEvent event, String clientIp) {
        users.updatePassword(tx, user.id(), hash, clock.instant());
        long notice = mailJobs.enqueueReturningId(tx, MailKind.PASSWORD_CHANGED, user.email(), clientIp, null);
        audit.record(tx, event.withMailJob(notice));
    }

    /** After the transaction committed: the notice can go now. */
    public void committed() {
        mailWake.run();
    }
}
