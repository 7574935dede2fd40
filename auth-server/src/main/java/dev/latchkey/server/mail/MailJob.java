package dev.latchkey.server.mail;

import java.time.Instant;

/** A queued email: what, to whom, why. Never a token or a password. */
public record MailJob(long id, MailKind kind, String recipient, String clientIp, String actor, Instant createdAt,
                      int attempts) {
}
