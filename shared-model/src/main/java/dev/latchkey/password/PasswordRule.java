package dev.latchkey.password;

/** One rule of the password policy, with the words a person sees for it. */
public enum PasswordRule {
    MIN_LENGTH,
    MAX_LENGTH,
    NOT_COMMON,
    NOT_EMAIL_NAME,
    STRENGTH;

    /** The checklist line: what the rule asks for. */
    public String requirement(PasswordPolicy policy) {
        return switch (this) {
            case MIN_LENGTH -> "At least " + policy.minLength() + " characters";
            case MAX_LENGTH -> "At most " + PasswordPolicy.MAX_LENGTH + " characters";
            case NOT_COMMON -> "Not a commonly used password";
            case NOT_EMAIL_NAME -> "Does not contain the name part of your email address";
            case STRENGTH -> "Hard to guess (strength " + policy.minScore() + " of 4 or better)";
        };
    }

    /** The line of a refusal: what is wrong and what to do. */
    public String failure(PasswordPolicy policy) {
        return switch (this) {
            case MIN_LENGTH -> "Use at least " + policy.minLength() + " characters.";
            case MAX_LENGTH -> "Use at most " + PasswordPolicy.MAX_LENGTH + " characters.";
            case NOT_COMMON -> "This password is on a list of commonly used passwords; choose another.";
            case NOT_EMAIL_NAME -> "Do not use the name part of your email address in the password.";
            case STRENGTH -> "This password is too easy to guess; a few unrelated words make a strong one.";
        };
    }
}
