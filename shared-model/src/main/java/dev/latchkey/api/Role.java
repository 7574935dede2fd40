package dev.latchkey.api;

/** What a signed-in user may do. Help-desk endpoints need {@link #HELPDESK} or {@link #ADMIN}. */
public enum Role {
    USER, HELPDESK, ADMIN;

    public boolean isStaff() {
        return this != USER;
    }
}
