package dev.latchkey.desktop.mailbox;

import java.time.Instant;
import java.util.Optional;

/** One message of the local outbox. */
public record MailItem(String fileName, Instant received, String to, String subject, String text,
                       Optional<String> code) {
}
