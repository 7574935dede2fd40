package dev.latchkey.server.user;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import dev.latchkey.i18n.Languages;

/**
 * An account could not be created; {@code reasons} says why in plain words, one line each, in the
 * language of whoever reads them (the desktop's first run, or English on the command line).
 */
public final class AccountRefused extends Exception {
    private final transient Function<Locale, List<String>> reasons;

    public AccountRefused(Function<Locale, List<String>> reasons) {
        super(String.join(" ", reasons.apply(Languages.ENGLISH)), null, false, false);
        this.reasons = reasons;
    }

    public List<String> reasons(Locale language) {
        return reasons.apply(language);
    }
}
