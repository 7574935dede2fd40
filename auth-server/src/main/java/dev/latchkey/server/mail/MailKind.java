package dev.latchkey.server.mail;

/** Why an email is sent. */
public enum MailKind {
    /** A reset someone asked for by email address; the address may belong to no account. */
    PASSWORD_RESET,
    /** Tells the owner their password was changed (reset or change), with time and client IP. */
    PASSWORD_CHANGED
}
