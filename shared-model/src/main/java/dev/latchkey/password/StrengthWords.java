package dev.latchkey.password;

import java.util.Locale;

import dev.latchkey.i18n.Languages;

/**
 * The strength meter's words, beside the rules' in {@code rules*.properties}: every client that shows
 * a password's strength says it the same way, in its reader's language.
 */
public final class StrengthWords {
    private StrengthWords() {
    }

    /** The meter's label before anything is typed. */
    public static String none(Locale language) {
        return word("strength.none", language);
    }

    /** zxcvbn's score (0 to 4) in words, with the label. */
    public static String of(int score, Locale language) {
        return word("strength." + Math.clamp(score, 0, 4), language);
    }

    private static String word(String key, Locale language) {
        return Languages.bundle(PasswordRule.BUNDLE, language, StrengthWords.class.getClassLoader()).getString(key);
    }
}
