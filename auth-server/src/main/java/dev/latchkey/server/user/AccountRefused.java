package dev.latchkey.server.user;

import java.util.List;

/** An account could not be created; {@code reasons} says why in plain words, one line each. */
public final class AccountRefused extends Exception {
    private final List<String> reasons;

    public AccountRefused(List<String> reasons) {
        super(String.join(" ", reasons), null, false, false);
        this.reasons = List.copyOf(reasons);
    }

    public AccountRefused(String reason) {
        this(List.of(reason));
    }

    public List<String> reasons() {
        return reasons;
    }
}
