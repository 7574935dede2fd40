package dev.latchkey.server.session;

import dev.latchkey.server.user.User;

/** The signed-in user of a request and the session token they presented. */
public record Caller(User user, String sessionToken) {
    @Override
    public String toString() {
        return "Caller[" + user + "]";
    }
}
