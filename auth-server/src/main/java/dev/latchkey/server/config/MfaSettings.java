package dev.latchkey.server.config;

import java.util.Optional;

import io.helidon.config.Config;

/**
 * {@code auth.mfa.*}: the second factor. {@code issuer} names the service in authenticator apps;
 * {@code key} (Base64 of 32 bytes) seals the factors' keys, and when absent a Derby server makes its
 * own key file; {@code maxFailures} wrong codes after a right password (per account, in 15 minutes)
 * email the owner, end a reset link being used, and refuse further codes until the window ends.
 */
public record MfaSettings(String issuer, Optional<String> key, int maxFailures) {
    static MfaSettings from(Config mfa) {
        MfaSettings settings = new MfaSettings(
                mfa.get("issuer").asString().map(String::strip).filter(s -> !s.isEmpty()).orElse("Latchkey"),
                mfa.get("key").asString().map(String::strip).filter(s -> !s.isEmpty()),
                mfa.get("max-failures").asInt().orElse(5));
        if (settings.maxFailures < 1 || settings.maxFailures > 20) {
            throw new IllegalArgumentException("auth.mfa.max-failures must be between 1 and 20");
        }
        return settings;
    }

    @Override
    public String toString() {
        // Keep the key out of any accidental log line.
        return "MfaSettings[issuer=" + issuer + ", maxFailures=" + maxFailures + "]";
    }
}
