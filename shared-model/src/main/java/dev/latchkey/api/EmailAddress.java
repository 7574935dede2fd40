package dev.latchkey.api;

import java.util.Locale;
import java.util.Optional;

/**
 * The contract's rules for an email address: trimmed and lower-cased before any use, at most 254
 * characters, exactly one {@code @}, a non-empty local part and domain. We also refuse white space and
 * control characters inside the address, which no deliverable address contains.
 */
public final class EmailAddress {
    public static final int MAX_LENGTH = 254;

    private EmailAddress() {
    }

    /** The normalized address, or empty when it breaks a rule. */
    public static Optional<String> normalize(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String email = raw.strip().toLowerCase(Locale.ROOT);
        int at = email.indexOf('@');
        if (email.isEmpty() || email.length() > MAX_LENGTH || at <= 0 || at != email.lastIndexOf('@')
                || at == email.length() - 1) {
            return Optional.empty();
        }
        for (int i = 0; i < email.length(); i++) {
            char c = email.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c) || Character.isSurrogate(c)
                    && !validSurrogatePair(email, i)) {
                return Optional.empty();
            }
            if (Character.isHighSurrogate(c)) {
                i++;
            }
        }
        return Optional.of(email);
    }

    /** The local part: what stands before the {@code @} of a normalized address. */
    public static String localPart(String normalized) {
        int at = normalized.indexOf('@');
        return at < 0 ? normalized : normalized.substring(0, at);
    }

    /** {@code jane@example.com} becomes {@code j***@example.com}. */
    public static String mask(String normalized) {
        int at = normalized.indexOf('@');
        return normalized.substring(0, normalized.offsetByCodePoints(0, 1)) + "***" + normalized.substring(at);
    }

    private static boolean validSurrogatePair(String s, int i) {
        return Character.isHighSurrogate(s.charAt(i)) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
    }
}
