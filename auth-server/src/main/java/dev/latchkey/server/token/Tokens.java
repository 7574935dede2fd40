package dev.latchkey.server.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** Random bearer secrets and the SHA-256 form in which they are stored. */
public final class Tokens {
    /** 48 random bytes: 64 characters of unpadded base64url. */
    public static final int RESET_TOKEN_BYTES = 48;
    /** 32 random bytes: 43 characters of unpadded base64url. */
    public static final int SESSION_TOKEN_BYTES = 32;

    private static final Pattern RESET_TOKEN = Pattern.compile("[A-Za-z0-9_-]{64}");
    private static final Pattern SESSION_TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private Tokens() {
    }

    public static String newResetToken() {
        return random(RESET_TOKEN_BYTES);
    }

    public static String newSessionToken() {
        return random(SESSION_TOKEN_BYTES);
    }

    public static boolean isResetTokenShape(String token) {
        return token != null && RESET_TOKEN.matcher(token).matches();
    }

    public static boolean isSessionTokenShape(String token) {
        return token != null && SESSION_TOKEN.matcher(token).matches();
    }

    /**
     * Lower-case hex SHA-256 of the text's UTF-8 bytes: the only form in which a token is stored (and
     * a limiter's key, which may hold any character).
     */
    public static String sha256(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static String random(int bytes) {
        byte[] buffer = new byte[bytes];
        RANDOM.nextBytes(buffer);
        return ENCODER.encodeToString(buffer);
    }
}
