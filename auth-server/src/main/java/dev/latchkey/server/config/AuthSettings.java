package dev.latchkey.server.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.helidon.config.Config;

import dev.latchkey.password.PasswordPolicy;

/**
 * The {@code auth.*} settings, and {@code server.allowed-hosts}, read once at start-up. An empty
 * {@code allowedHosts} means the default: loopback names and the public URL's host.
 */
public record AuthSettings(Path dataDir,
                           Optional<URI> publicUrl,
                           Duration resetTokenTtl,
                           Duration inviteTokenTtl,
                           Duration reportTokenTtl,
                           String supportContact,
                           SignalSettings signals,
                           Duration sessionTtl,
                           Duration sessionIdleTimeout,
                           int passwordMinLength,
                           int passwordMinScore,
                           int maxConcurrentHashes,
                           boolean rateLimitsEnabled,
                           int helpdeskResetQuota,
                           List<String> trustedProxies,
                           List<String> allowedHosts,
                           boolean healthDetailsForAll,
                           boolean metricsForAll,
                           MailSettings mail,
                           MfaSettings mfa,
                           RetentionSettings retention) {

    /** The password policy these settings ask for. */
    public PasswordPolicy passwordPolicy() {
        return new PasswordPolicy(passwordMinLength, passwordMinScore);
    }

    public static AuthSettings from(Config config) {
        Config auth = config.get("auth");
        return new AuthSettings(
                ConfigLoader.dataDir(config),
                auth.get("public-url").asString().filter(s -> !s.isBlank()).map(s -> URI.create(stripSlash(s))),
                auth.get("reset.token-ttl").as(Duration.class).orElse(Duration.ofMinutes(30)),
                auth.get("invite.token-ttl").as(Duration.class).orElse(Duration.ofHours(48)),
                MailSettings.positive(auth.get("report.token-ttl").as(Duration.class).orElse(Duration.ofDays(7)),
                        "auth.report.token-ttl"),
                auth.get("support-contact").asString().map(String::strip).filter(s -> !s.isEmpty())
                        .orElse("Reach your help desk the way you usually do."),
                SignalSettings.from(auth.get("signals")),
                auth.get("session.ttl").as(Duration.class).orElse(Duration.ofHours(12)),
                MailSettings.positive(auth.get("session.idle-timeout").as(Duration.class)
                        .orElse(Duration.ofMinutes(30)), "auth.session.idle-timeout"),
                auth.get("password.min-length").asInt().orElse(15),
                auth.get("password.min-score").asInt().orElse(3),
                auth.get("password.max-concurrent-hashes").asInt().orElse(0),
                auth.get("rate-limit.enabled").asBoolean().orElse(true),
                auth.get("helpdesk.reset-quota").asInt().orElse(30),
                listOf(auth.get("trusted-proxies")),
                listOf(config.get("server.allowed-hosts")),
                auth.get("health.details-for-all").asBoolean().orElse(false),
                auth.get("metrics.for-all").asBoolean().orElse(false),
                MailSettings.from(auth.get("mail")),
                MfaSettings.from(auth.get("mfa")),
                RetentionSettings.from(auth.get("retention")));
    }

    /** A list given either as a YAML list or as one comma-separated string (handy in -D and env). */
    static List<String> listOf(Config node) {
        List<String> raw = node.hasValue()
                ? node.asString().map(s -> List.of(s.split(","))).orElse(List.of())
                : node.asList(String.class).orElse(List.of());
        return raw.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
