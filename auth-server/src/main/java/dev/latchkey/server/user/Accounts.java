package dev.latchkey.server.user;

import java.time.Clock;
import java.util.List;

import dev.latchkey.api.EmailAddress;
import dev.latchkey.api.FreeText;
import dev.latchkey.api.Role;
import dev.latchkey.password.PasswordCheck;
import dev.latchkey.password.PasswordPolicy;
import dev.latchkey.server.audit.AuditEvent;
import dev.latchkey.server.audit.AuditLog;
import dev.latchkey.server.audit.AuditType;
import dev.latchkey.server.db.Database;
import dev.latchkey.server.i18n.Texts;
import dev.latchkey.server.password.Passwords;

/**
 * Creates accounts with a password, for the {@code users add} command and the desktop's first-run
 * set-up: the address checked and normalized, the password held to the policy, duplicates refused.
 */
public final class Accounts {
    private final Database db;
    private final Users users;
    private final Passwords passwords;
    private final PasswordPolicy policy;
    private final AuditLog audit;
    private final Clock clock;

    public Accounts(Database db, Users users, Passwords passwords, PasswordPolicy policy, AuditLog audit, Clock clock) {
        this.db = db;
        this.users = users;
        this.passwords = passwords;
        this.policy = policy;
        this.audit = audit;
        this.clock = clock;
    }

    public boolean any() {
        return users.any(db.execute());
    }

    /** Creates an account; {@code name} may be blank (the address's local part is used). */
    public User create(String rawEmail, String name, Role role, String password, String actor) throws AccountRefused {
        String email = EmailAddress.normalize(rawEmail)
                .orElseThrow(() -> refused("account.email.invalid", rawEmail.strip()));
        String displayName = name == null || name.isBlank() ? EmailAddress.localPart(email) : name.strip();
        if (FreeText.length(displayName) > FreeText.NAME_MAX) {
            throw refused("account.name.tooLong", FreeText.NAME_MAX);
        }
        if (!FreeText.isOneLine(displayName)) {
            throw refused("account.name.oneLine");
        }
        if (FreeText.hasBidiControls(displayName)) {
            throw refused("account.name.bidiControls");
        }
        PasswordCheck check = policy.check(password, email);
        if (!check.acceptable()) {
            throw new AccountRefused(language -> policy.failures(check, language));
        }
        if (users.findByEmail(db.execute(), email).isPresent()) {
            throw refused("account.email.exists", email);
        }
        String hash = passwords.hash(password);
        long id = db.inTransaction(tx -> {
            long created = users.create(tx, email, displayName, role, hash, clock.instant());
            audit.record(tx, new AuditEvent(AuditType.USER_CREATED, created, email, actor, null,
                    "Created with role " + role));
            return created;
        });
        return users.findById(db.execute(), id).orElseThrow();
    }

    /** The first account, an administrator; refused once any account exists. */
    public User createFirstAdministrator(String email, String name, String password) throws AccountRefused {
        if (any()) {
            throw refused("account.adminExists");
        }
        return create(email, name, Role.ADMIN, password, "first-run set-up");
    }

    private static AccountRefused refused(String key, Object... args) {
        return new AccountRefused(language -> List.of(Texts.get(language, key, args)));
    }
}
