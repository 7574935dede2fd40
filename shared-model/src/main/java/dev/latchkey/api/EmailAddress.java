package dev.latchkey.api;

import java.util.Locale;
import java.util.Optional;

/**
 * The contract's rules for an email address: trimmed and lower-cased before any use, at most 254
 * characters, exactly one {@code @}, a non-empty local part and domain. We also refuse white space,
 * control characters and invisible ones inside the address, which no deliverable address contains:
 * {@code admin@corp.example} followed by a zero-width space would otherwise be another account that
 * reads like the administrator's wherever it is shown.
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
        if (hasInvisibleCharacters(email)) {
            return Optional.empty();
        }
        return Optional.of(email);
    }

    /**
     * Whether {@code text} holds a character that shows as nothing: a format character (zero-width
     * space and joiners, U+2060, soft hyphen, byte order mark, the bidirectional embeddings, overrides,
     * isolates and marks, tag characters) or another default-ignorable one (variation selectors, the
     * combining grapheme joiner, Hangul fillers).
     */
    public static boolean hasInvisibleCharacters(String text) {
        return text.codePoints().anyMatch(EmailAddress::invisible);
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

    private static boolean invisible(int cp) {
        return Character.getType(cp) == Character.FORMAT || cp == 0x034F || cp == 0x115F || cp == 0x1160
                || cp == 0x3164 || cp == 0xFFA0 || cp >= 0x180B && cp <= 0x180F || cp >= 0xFE00 && cp <= 0xFE0F
                || cp >= 0xE0100 && cp <= 0xE01EF;
    }

    private static boolean validSurrogatePair(String s, int i) {
        return Character.isHighSurrogate(s.charAt(i)) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
    }
}
