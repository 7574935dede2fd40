package dev.latchkey.server.config;

import java.time.Duration;

import io.helidon.config.Config;

/**
 * {@code auth.signals.*}: when the server opens a signal case. Within {@code window}, one client IP
 * asking resets for {@code addressesPerIp} different addresses, or having {@code rejectedTokensPerIp}
 * tokens refused. Resets of staff accounts and completions from far networks need no threshold.
 */
public record SignalSettings(Duration window, int addressesPerIp, int rejectedTokensPerIp) {
    static SignalSettings from(Config signals) {
        SignalSettings settings = new SignalSettings(
                signals.get("window").as(Duration.class).orElse(Duration.ofHours(1)),
                signals.get("addresses-per-ip").asInt().orElse(10),
                signals.get("rejected-tokens-per-ip").asInt().orElse(10));
        if (!settings.window.isPositive() || settings.addressesPerIp < 2 || settings.rejectedTokensPerIp < 1) {
            throw new IllegalArgumentException("auth.signals: the window must be positive, addresses-per-ip at"
                    + " least 2 and rejected-tokens-per-ip at least 1");
        }
        return settings;
    }
}
