package dev.latchkey.server.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import io.helidon.config.Config;

/** The {@code auth.mail.*} settings. */
public record MailSettings(String transport,
                           Path outboxDir,
                           String from,
                           Duration pollInterval,
                           Duration lease,
                           Duration retryInitialDelay,
                           Duration retryMaxDelay,
                           int maxAttempts,
                           Smtp smtp) {

    public record Smtp(Optional<String> host, int port, Optional<String> username, Optional<String> password,
                       boolean starttls) {
    }

    /** {@code value}, or a refusal to start naming {@code key} when it is zero or negative. */
    static Duration positive(Duration value, String key) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(key + " must be a positive duration, not " + value);
        }
        return value;
    }

    static MailSettings from(Config mail) {
        Config smtp = mail.get("smtp");
        String transport = mail.get("transport").asString().orElse("file");
        if (!transport.equals("file") && !transport.equals("smtp")) {
            throw new IllegalArgumentException("auth.mail.transport must be 'file' or 'smtp', not '" + transport + "'");
        }
        return new MailSettings(
                transport,
                Path.of(mail.get("outbox-dir").asString().get()).toAbsolutePath(),
                mail.get("from").asString().orElse("Latchkey <no-reply@localhost>"),
                mail.get("poll-interval").as(Duration.class).orElse(Duration.ofSeconds(1)),
                positive(mail.get("lease").as(Duration.class).orElse(Duration.ofMinutes(5)), "auth.mail.lease"),
                mail.get("retry.initial-delay").as(Duration.class).orElse(Duration.ofSeconds(10)),
                mail.get("retry.max-delay").as(Duration.class).orElse(Duration.ofMinutes(15)),
                mail.get("retry.max-attempts").asInt().orElse(12),
                new Smtp(smtp.get("host").asString().asOptional().filter(s -> !s.isBlank()),
                        smtp.get("port").asInt().orElse(25),
                        smtp.get("username").asString().asOptional().filter(s -> !s.isBlank()),
                        smtp.get("password").asString().asOptional(),
                        smtp.get("starttls").asBoolean().orElse(false)));
    }
}
