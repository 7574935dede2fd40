package dev.latchkey.server.config;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import io.helidon.config.Config;

import dev.latchkey.api.Role;

/**
 * {@code auth.mfa.*}: the second factor. {@code issuer} names the service in authenticator apps;
 * {@code key} (Base64 of 32 bytes) seals the factors' keys, and when absent a Derby server makes its
 * own key file; {@code maxFailures} wrong codes after a right password (per account, in 15 minutes)
 * email the owner, end a reset link being used, and refuse further codes until the window ends;
 * accounts of the {@code requiredRoles} reach no help-desk route until they have a factor; a factor the
 * help desk removes for an owner who lost it goes only after {@code removalDelay}, so the owner can stop it.
 */
public record MfaSettings(String issuer, Optional<String> key, int maxFailures, Set<Role> requiredRoles,
                          Duration removalDelay) {
    private static final List<String> STAFF = List.of(Role.HELPDESK.name(), Role.ADMIN.name());
    private static final Duration REMOVAL_DELAY_MIN = Duration.ofMinutes(1);
    private static final Duration REMOVAL_DELAY_MAX = Duration.ofDays(30);

    static MfaSettings from(Config mfa) {
        Config roles = mfa.get("required-roles");
        MfaSettings settings = new MfaSettings(
                mfa.get("issuer").asString().map(String::strip).filter(s -> !s.isEmpty()).orElse("Latchkey"),
                mfa.get("key").asString().map(String::strip).filter(s -> !s.isEmpty()),
                mfa.get("max-failures").asInt().orElse(5),
                (roles.exists() ? AuthSettings.listOf(roles) : STAFF).stream()
                        .map(role -> role(role)).collect(Collectors.toUnmodifiableSet()),
                mfa.get("removal-delay").as(Duration.class).orElse(Duration.ofHours(24)));
        if (settings.maxFailures < 1 || settings.maxFailures > 20) {
            throw new IllegalArgumentException("auth.mfa.max-failures must be between 1 and 20");
        }
        if (settings.removalDelay.compareTo(REMOVAL_DELAY_MIN) < 0
                || settings.removalDelay.compareTo(REMOVAL_DELAY_MAX) > 0) {
            throw new IllegalArgumentException("auth.mfa.removal-delay must be between PT1M and P30D");
        }
        return settings;
    }

    private static Role role(String name) {
        try {
            return Role.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("auth.mfa.required-roles: " + name + " is not USER, HELPDESK or ADMIN");
        }
    }

    @Override
    public String toString() {
        // Keep the key out of any accidental log line.
        return "MfaSettings[issuer=" + issuer + ", maxFailures=" + maxFailures + ", requiredRoles=" + requiredRoles
                + ", removalDelay=" + removalDelay + "]";
    }
}
