package dev.latchkey.server.session;

import dev.latchkey.api.ErrorCode;
import dev.latchkey.server.audit.AuditEvent;
import dev.latchkey.server.audit.AuditType;
import dev.latchkey.server.db.Database;
import dev.latchkey.server.http.ApiException;
import dev.latchkey.server.password.PasswordChanges;
import dev.latchkey.server.ratelimit.SignInThrottle;
import dev.latchkey.server.user.User;
import dev.latchkey.server.user.Users;

/** A signed-in user's change of their own password. */
public final class PasswordChange {
    private final Database db;
    private final Users users;
    private final Sessions sessions;
    private final CurrentPassword currentPassword;
    private final PasswordChanges changes;
    private final SignInThrottle throttle;

    public PasswordChange(Database db, Users users, Sessions sessions, CurrentPassword currentPassword,
                          PasswordChanges changes, SignInThrottle throttle) {
        this.db = db;
        this.users = users;
        this.sessions = sessions;
        this.currentPassword = currentPassword;
        this.changes = changes;
        this.throttle = throttle;
    }

    /**
     * Changes the caller's password after checking the current one (a wrong one counts as a failed
     * sign-in); every other session of the user is revoked, this one stays.
     */
    public void change(Caller caller, String current, String newPassword, String clientIp) {
        User user = caller.user();
        currentPassword.require(user, current, clientIp, "a password change");
        changes.requireAcceptable(newPassword, user, clientIp);
        String hash = changes.hash(newPassword);
        boolean changed = db.inTransaction(tx -> {
            // A reset may have changed the password since the current one was checked: it wins.
            if (!users.lockIfPasswordVersion(tx, user.id(), user.passwordVersion())) {
                return false;
            }
            throttle.clear(tx, user.email());
            changes.store(tx, user, hash, new AuditEvent(AuditType.PASSWORD_CHANGED, user.id(), user.email(),
                    user.email(), clientIp, "Password changed by its owner; other sessions signed out"), clientIp);
            sessions.revokeAllExcept(tx, user.id(), caller.sessionToken());
            return true;
        });
        if (!changed) {
            throw ApiException.of(ErrorCode.INVALID_CREDENTIALS, "api.currentPasswordWrong");
        }
        changes.committed();
    }
}
