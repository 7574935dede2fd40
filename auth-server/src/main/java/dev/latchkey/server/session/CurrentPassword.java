package dev.latchkey.server.session;

import dev.latchkey.api.ErrorCode;
import dev.latchkey.server.audit.AuditEvent;
import dev.latchkey.server.audit.AuditLog;
import dev.latchkey.server.audit.AuditType;
import dev.latchkey.server.db.Database;
import dev.latchkey.server.http.ApiException;
import dev.latchkey.server.password.Passwords;
import dev.latchkey.server.ratelimit.SignInThrottle;
import dev.latchkey.server.user.User;

/**
 * The signed-in owner's current password, asked again before a change to the account (its password,
 * its second factor). A wrong one counts as a failed sign-in of the address, under its throttle.
 */
public final class CurrentPassword {
    private final Database db;
    private final Passwords passwords;
    private final SignInThrottle throttle;
    private final AuditLog audit;

    public CurrentPassword(Database db, Passwords passwords, SignInThrottle throttle, AuditLog audit) {
        this.db = db;
        this.passwords = passwords;
        this.throttle = throttle;
        this.audit = audit;
    }

    /** Returns when {@code password} is the account's; else 401 (or 429 while the address is throttled). */
    public void require(User user, String password, String clientIp, String what) {
        throttle.attempt(db, user.email()).throwIfRefused();
        if (user.passwordHash() == null || !passwords.matches(password, user.passwordHash())) {
            audit.record(db.execute(), new AuditEvent(AuditType.SIGN_IN_FAILED, user.id(), user.email(), user.email(),
                    clientIp, "Wrong current password on " + what));
            throw ApiException.of(ErrorCode.INVALID_CREDENTIALS, "api.currentPasswordWrong");
        }
        // The current password was right: that attempt is not a failure, whatever comes next.
        throttle.clear(db.execute(), user.email());
    }
}
