package dev.latchkey.server.mail;

/** Why an email is sent. */
public enum MailKind {
    /** A reset someone asked for by email address; the address may belong to no account. */
    PASSWORD_RESET,
    /** A reset started by a help-desk member ({@code actor}: their display name) for the user. */
    HELPDESK_RESET,
    /** An invitation to a new account, with a set-password token. */
    INVITATION,
    /** Tells the owner their password was changed (reset or change), with time and client IP. */
    PASSWORD_CHANGED
}
