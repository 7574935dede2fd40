package dev.latchkey.server.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/** Delivers a message; returns only once the message was accepted. */
public interface MailTransport {
    Session session();

    void deliver(MimeMessage message, long jobId) throws MessagingException;

    /** The sender has delivered what was due: connections kept open for the batch may close. */
    default void batchDone() {
    }
}
