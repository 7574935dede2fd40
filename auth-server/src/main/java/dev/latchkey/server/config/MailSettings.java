package dev.latchkey.server.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import io.helidon.config.Config;

import dev.latchkey.server.http.AllowedHosts;

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

    /**
     * {@code auth.mail.smtp.*}: {@code starttls} upgrades a plain connection (port 587 or 25) and
     * {@code ssl} speaks TLS from the first byte (SMTPS, port 465); either way the server's certificate
     * and name are checked.
     */
    public record Smtp(Optional<String> host, int port, Optional<String> username, Optional<String> password,
                       boolean starttls, boolean ssl) {

        /**
         * A login over a connection without TLS to another machine: the password, and every reset link
         * in the mail after it, would cross the network in clear.
         */
        boolean loginInClear() {
            return username.isPresent() && !starttls && !ssl && host.filter(AllowedHosts::isLoopbackName).isEmpty();
        }
    }

    /** {@code value}, or a refusal to start naming {@code key} when it is zero or negative. */
    static Duration positive(Duration value, String key) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(key + " must be a positive duration, not " + value);
        }
        return value;
    }

    static MailSettings from(Config mail) {
        String transport = mail.get("transport").asString().orElse("file");
        if (!transport.equals("file") && !transport.equals("smtp")) {
            throw new IllegalArgumentException("auth.mail.transport must be 'file' or 'smtp', not '" + transport + "'");
        }
        Config config = mail.get("smtp");
        Smtp smtp = new Smtp(config.get("host").asString().asOptional().filter(s -> !s.isBlank()),
                config.get("port").asInt().orElse(25),
                config.get("username").asString().asOptional().filter(s -> !s.isBlank()),
                config.get("password").asString().asOptional(),
                config.get("starttls").asBoolean().orElse(false),
                config.get("ssl").asBoolean().orElse(false));
        if (transport.equals("smtp") && smtp.loginInClear()) {
            throw new IllegalArgumentException("auth.mail.smtp.username is set but neither auth.mail.smtp.starttls"
                    + " nor auth.mail.smtp.ssl is true: the password and every reset link would go to "
                    + smtp.host().orElse("the SMTP server") + " in clear. Turn one on, or send through a mail"
                    + " server on this machine.");
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
                smtp);
    }
}
