package dev.latchkey.server.mail;

/** Where a mail job stands. A job being retried stays QUEUED and keeps its last error. */
public enum MailStatus {
    QUEUED,
    SENT,
    /** Given up after the last retry; {@code last_error} says why. */
    FAILED,
    /** Nothing to send: a reset for an address with no account. */
    DISCARDED
}
