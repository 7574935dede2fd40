package dev.latchkey.server.mail;

import java.util.Optional;

/** Turns a queued job into a letter, making any token it needs right before delivery. */
public interface LetterWriter {
    /** The letter to send, or empty when there is nothing to send (no such account). */
    Optional<Letter> write(MailJob job);
}
