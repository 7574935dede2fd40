package dev.latchkey.server.mail;

import java.util.Optional;

import io.helidon.dbclient.DbExecute;

/** Turns a queued job into a letter, making any token it needs right before delivery. */
public interface LetterWriter {
    /**
     * The letter to send, or empty when there is nothing to send (no such account). All its database
     * work (a token, an audit row) goes through {@code db}: the sender's transaction for its batch.
     */
    Optional<Letter> write(DbExecute db, MailJob job);
}
