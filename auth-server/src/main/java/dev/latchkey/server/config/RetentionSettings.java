package dev.latchkey.server.config;

import java.time.Duration;
import java.util.Map;

import io.helidon.config.Config;

/**
 * {@code auth.retention.*}: how long rows are kept after they stop mattering, and how often the server
 * deletes those past it ({@code interval}). Tokens count from their expiry, sessions from their absolute
 * end, mail jobs and audit events from when they were made, cases from their last change once resolved,
 * sign-in throttle rows from their last failure or lock.
 */
public record RetentionSettings(Duration interval,
                                Duration tokens,
                                Duration sessions,
                                Duration mailSent,
                                Duration mailFailed,
                                Duration signInThrottle,
                                Duration cases,
                                Duration audit) {
    /**
     * A throttle row younger than this still counts failures (the throttle's window); deleting it
     * sooner would forgive them.
     */
    static final Duration SHORTEST_THROTTLE = Duration.ofMinutes(15);

    static RetentionSettings from(Config retention) {
        RetentionSettings settings = new RetentionSettings(
                retention.get("interval").as(Duration.class).orElse(Duration.ofHours(1)),
                retention.get("tokens").as(Duration.class).orElse(Duration.ofDays(30)),
                retention.get("sessions").as(Duration.class).orElse(Duration.ofDays(30)),
                retention.get("mail-sent").as(Duration.class).orElse(Duration.ofDays(30)),
                retention.get("mail-failed").as(Duration.class).orElse(Duration.ofDays(90)),
                retention.get("sign-in-throttle").as(Duration.class).orElse(Duration.ofDays(1)),
                retention.get("cases").as(Duration.class).orElse(Duration.ofDays(400)),
                retention.get("audit").as(Duration.class).orElse(Duration.ofDays(400)));
        Map.of("interval", settings.interval, "tokens", settings.tokens, "sessions", settings.sessions,
                "mail-sent", settings.mailSent, "mail-failed", settings.mailFailed, "cases", settings.cases,
                "audit", settings.audit).forEach((key, value) -> {
                    if (!value.isPositive()) {
                        throw new IllegalArgumentException("auth.retention." + key + " must be positive, not " + value);
                    }
                });
        if (settings.signInThrottle.compareTo(SHORTEST_THROTTLE) < 0) {
            throw new IllegalArgumentException("auth.retention.sign-in-throttle must be at least PT15M (the"
                    + " throttle's window), not " + settings.signInThrottle);
        }
        return settings;
    }
}
