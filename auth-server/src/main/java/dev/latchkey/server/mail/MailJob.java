package dev.latchkey.server.mail;

import java.time.Instant;
import java.util.Optional;

import dev.latchkey.server.i18n.Reader;

/**
 * A queued email: what, to whom, why. Never a token or a password. {@code reader}: what the client that
 * asked for a reset said of its reader, empty for the emails staff or the server cause.
 */
public record MailJob(long id, MailKind kind, String recipient, String clientIp, String actor, Instant createdAt,
                      int attempts, Optional<Reader> reader) {
}
