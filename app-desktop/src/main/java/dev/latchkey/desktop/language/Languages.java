package dev.latchkey.desktop.language;

import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The languages the desktop offers, and which one a wish comes down to. A language is offered only with
 * its {@code messages_<tag>.properties}; anything else falls back to English, the base bundle.
 */
public final class Languages {
    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final List<Locale> OFFERED = Stream.of("en", "de", "fr", "es", "ar").map(Locale::forLanguageTag)
            .toList();

    private Languages() {
    }

    /** The offered language closest to the wish: same language (region and script aside), else English. */
    public static Locale supported(Locale wanted) {
        return OFFERED.stream().filter(offered -> offered.getLanguage().equals(wanted.getLanguage())).findFirst()
                .orElse(ENGLISH);
    }

    /** A BCP 47 tag such as {@code de} or {@code fr-CA}, as {@code --lang} and the settings file hold it. */
    public static Locale parse(String tag) {
        try {
            return supported(new Locale.Builder().setLanguageTag(tag.strip()).build());
        } catch (IllformedLocaleException e) {
            throw new IllegalArgumentException("--lang needs a language code like de or fr, not " + tag + ".");
        }
    }

    public static boolean rightToLeft(Locale language) {
        return language.getLanguage().equals("ar");
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
