package dev.latchkey.server.mfa;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dev.latchkey.server.token.Tokens;

/**
 * Recovery codes: ten per account, each 24 characters from a CSPRNG (30 symbols: 117 bits) in an alphabet without
 * look-alikes, shown in groups of four. With that many bits a plain SHA-256 is what stores them (ASVS 6.5.2
 * asks for 112 bits when no slow hash is used); each hash is salted with the account's id.
 */
public final class RecoveryCodes {
    public static final int COUNT = 10;
    private static final int LENGTH = 24;
    private static final int GROUP = 4;
    /** 30 symbols, without the look-alikes 0/o, 1/l/i, and without u. */
    private static final String ALPHABET = "23456789abcdefghjkmnpqrstvwxyz";

    private static final SecureRandom RANDOM = new SecureRandom();

    private RecoveryCodes() {
    }

    /** A new set, each as it is shown: {@code xxxx-xxxx-xxxx-xxxx-xxxx-xxxx}. */
    public static List<String> generate() {
        List<String> codes = new ArrayList<>(COUNT);
        for (int i = 0; i < COUNT; i++) {
            StringBuilder code = new StringBuilder();
            for (int c = 0; c < LENGTH; c++) {
                if (c > 0 && c % GROUP == 0) {
                    code.append('-');
                }
                code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
            }
            codes.add(code.toString());
        }
        return codes;
    }

    /**
     * The code as typed, without spaces, hyphens or case; empty when it cannot be a recovery code, which
     * then needs no database lookup.
     */
    public static Optional<String> normalize(String typed) {
        String code = typed.toLowerCase(Locale.ROOT).replaceAll("[\\s-]", "");
        if (code.length() != LENGTH || !code.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0)) {
            return Optional.empty();
        }
        return Optional.of(code);
    }

    /** What is stored of a normalized code: the SHA-256 of the account's id and the code. */
    public static String hash(long userId, String normalized) {
        return Tokens.sha256(userId + ":" + normalized);
    }
}
