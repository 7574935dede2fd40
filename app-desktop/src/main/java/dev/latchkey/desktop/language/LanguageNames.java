package dev.latchkey.desktop.language;

import java.util.IllformedLocaleException;
import java.util.Locale;

import dev.latchkey.i18n.Languages;

/**
 * The desktop's side of the languages Latchkey speaks ({@link Languages}, shared with the server):
 * reading {@code --lang} and the remembered choice, and each language's own name for the menu.
 */
public final class LanguageNames {
    private LanguageNames() {
    }

    /** A BCP 47 tag such as {@code de} or {@code fr-CA}: the offered language it comes down to, else English. */
    public static Locale parse(String tag) {
        try {
            return supported(new Locale.Builder().setLanguageTag(tag.strip()).build());
        } catch (IllformedLocaleException e) {
            throw new IllegalArgumentException("--lang needs a language code like de or fr, not " + tag + ".");
        }
    }

    /** The offered language closest to {@code wanted} (the system's, say): same language, else English. */
    public static Locale supported(Locale wanted) {
        return Languages.negotiate(wanted.toLanguageTag());
    }

    /**
     * The language's own name ("Deutsch", "العربية"), as language menus show them, so that a person can
     * find theirs whatever the app speaks now. Java's locale data has these names, so they are no
     * bundle's strings.
     */
    public static String ownName(Locale language) {
        String name = language.getDisplayLanguage(language);
        return name.isEmpty() ? language.toLanguageTag() : name.substring(0, 1).toUpperCase(language) + name.substring(1);
    }
}
