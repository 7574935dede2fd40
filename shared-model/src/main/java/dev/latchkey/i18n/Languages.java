package dev.latchkey.i18n;

import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The languages Latchkey speaks, and how one is chosen: from a client's {@code Accept-Language}, a
 * stored preference or a command line, always ending at English when nothing else fits. Adding a
 * language is adding it here and one bundle file per module.
 */
public final class Languages {
    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final List<Locale> SUPPORTED = List.of(ENGLISH, Locale.GERMAN, Locale.FRENCH,
            Locale.forLanguageTag("es"), Locale.forLanguageTag("ar"));
    /** Header limit: a longer {@code Accept-Language} is a client's mistake or an attack, and gets English. */
    private static final int MAX_HEADER = 500;

    private Languages() {
    }

    /** The best supported language for an {@code Accept-Language} value; English when none fits or it is malformed. */
    public static Locale negotiate(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank() || acceptLanguage.length() > MAX_HEADER) {
            return ENGLISH;
        }
        try {
            Locale best = Locale.lookup(Locale.LanguageRange.parse(acceptLanguage), SUPPORTED);
            return best == null ? ENGLISH : best;
        } catch (IllegalArgumentException e) {
            return ENGLISH;
        }
    }

    /** A supported language from a tag ("de", "de-AT", "ar-EG"), or English. */
    public static Locale of(String tag) {
        return negotiate(tag);
    }

    /** Written right to left: the pages, emails and screens mirror. */
    public static boolean rightToLeft(Locale language) {
        return language.getLanguage().equals("ar");
    }

    /**
     * A bundle in {@code language}, falling back to the base (English) file only: the JVM's default
     * locale is not in between, so a German machine does not give English readers German.
     */
    public static ResourceBundle bundle(String baseName, Locale language, ClassLoader loader) {
        return ResourceBundle.getBundle(baseName, language, loader, NO_DEFAULT_LOCALE);
    }

    private static final ResourceBundle.Control NO_DEFAULT_LOCALE =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
}
