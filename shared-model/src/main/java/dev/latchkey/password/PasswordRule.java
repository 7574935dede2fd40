package dev.latchkey.password;

import java.text.MessageFormat;
import java.util.Locale;

import dev.latchkey.i18n.Languages;

/**
 * One rule of the password policy, with the words a person sees for it, in their language
 * ({@code rules*.properties}): the desktop's checklist and the server's 422 read the same lines.
 */
public enum PasswordRule {
    MIN_LENGTH,
    MAX_LENGTH,
    NOT_COMMON,
    NOT_EMAIL_NAME,
    STRENGTH;

    static final String BUNDLE = "dev.latchkey.password.rules";

    /** The checklist line: what the rule asks for. */
    public String requirement(PasswordPolicy policy, Locale language) {
        return text("requirement", policy, language);
    }

    /** The line of a refusal: what is wrong and what to do. */
    public String failure(PasswordPolicy policy, Locale language) {
        return text("failure", policy, language);
    }

    private String text(String kind, PasswordPolicy policy, Locale language) {
        String pattern = Languages.bundle(BUNDLE, language, PasswordRule.class.getClassLoader())
                .getString(name() + "." + kind);
        return new MessageFormat(pattern, language).format(new Object[] {policy.minLength(),
                PasswordPolicy.MAX_LENGTH, policy.minScore()});
    }
}
