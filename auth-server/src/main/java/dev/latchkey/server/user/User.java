package dev.latchkey.server.user;

import java.time.Instant;
import java.util.Optional;

import dev.latchkey.api.Responses.Me;
import dev.latchkey.api.Responses.UserSummary;
import dev.latchkey.api.Role;
import dev.latchkey.server.i18n.Reader;

/**
 * An account. {@code passwordHash} is null until a first password is set; {@code passwordVersion}
 * counts password changes (a re-hash of the same password does not change it). A {@code held} account
 * takes no password sign-in and gets no reset email until the help desk releases it (a reported change).
 * Its emails are written for {@code reader}: the language and time zone last heard of, empty while no
 * client has told of one (no sign-in, no completed reset, no language chosen at invitation). An account with
 * a {@code secondFactor} signs in and completes a reset only with a code or a recovery code too; when
 * the help desk asked to remove it, {@code secondFactorRemovalDue} says when that happens (else null).
 */
public record User(long id, String email, String displayName, Role role, String passwordHash,
                   Instant passwordChangedAt, int passwordVersion, boolean held, Optional<Reader> reader,
                   boolean secondFactor, Instant secondFactorRemovalDue) {
    public UserSummary summary() {
        return new UserSummary(id, email, displayName, role);
    }

    public Me me() {
        return new Me(id, email, displayName, role, passwordChangedAt == null ? null : passwordChangedAt.toString());
    }

    @Override
    public String toString() {
        // Keep the hash out of any accidental log line.
        return "User[id=" + id + ", role=" + role + "]";
    }
}
