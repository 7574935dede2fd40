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
    PASSWORD_CHANGED,
    /** Tells the owner a second factor was added to the account (or replaced by a new one). */
    SECOND_FACTOR_ADDED,
    /** Tells the owner the account's second factor was removed. */
    SECOND_FACTOR_REMOVED,
    /**
     * Tells the owner the help desk ({@code actor}: the staff member's display name) asked to remove
     * the second factor, when that happens, and how to stop it.
     */
    SECOND_FACTOR_REMOVAL_REQUESTED,
    /** Tells the owner one of their recovery codes was used. */
    RECOVERY_CODE_USED,
    /** Tells the owner that someone who knows the password keeps entering wrong codes. */
    SECOND_FACTOR_FAILURES;

    /** Whether the email only tells of something that happened: no link in it sets a password. */
    public boolean notice() {
        return this != PASSWORD_RESET && this != HELPDESK_RESET && this != INVITATION;
    }
}
