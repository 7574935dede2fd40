package dev.latchkey.server.mfa;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.OptionalLong;

import javax.crypto.spec.SecretKeySpec;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import org.apache.commons.codec.binary.Base32;

/**
 * RFC 6238 codes as every authenticator app makes them: HMAC-SHA-1, 6 digits, 30-second steps, and one
 * step of clock skew either way. The codes come from java-otp; this class only chooses the steps.
 */
public final class Totp {
    public static final Duration STEP = Duration.ofSeconds(30);
    public static final int DIGITS = 6;
    /** 160 bits, the size RFC 4226 recommends for HMAC-SHA-1. */
    public static final int SECRET_BYTES = 20;

    private static final Base32 BASE32 = new Base32();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final TimeBasedOneTimePasswordGenerator generator =
            new TimeBasedOneTimePasswordGenerator(STEP, DIGITS, TimeBasedOneTimePasswordGenerator.TOTP_ALGORITHM_HMAC_SHA1);

    public static byte[] newSecret() {
        byte[] secret = new byte[SECRET_BYTES];
        RANDOM.nextBytes(secret);
        return secret;
    }

    /** The number of the 30-second step {@code at} falls in (RFC 6238's T). */
    public static long stepOf(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), STEP.toSeconds());
    }

    /** The code of one step, as six digits with leading zeros. */
    public String codeAt(byte[] secret, long step) {
        try {
            return generator.generateOneTimePasswordString(key(secret), Instant.ofEpochSecond(step * STEP.toSeconds()),
                    Locale.ROOT);
        } catch (InvalidKeyException e) {
            throw new IllegalStateException("An HMAC-SHA-1 key of " + secret.length + " bytes was refused", e);
        }
    }

    /**
     * The step, among the one {@code now} is in and its two neighbours, whose code {@code code} is; empty
     * when none. All three are computed and compared in constant time, so the answer takes as long
     * whichever step matches, or none.
     */
    public OptionalLong matchingStep(byte[] secret, String code, Instant now) {
        byte[] given = code.getBytes(StandardCharsets.US_ASCII);
        long current = stepOf(now);
        long found = Long.MIN_VALUE;
        for (long step = current - 1; step <= current + 1; step++) {
            boolean same = MessageDigest.isEqual(codeAt(secret, step).getBytes(StandardCharsets.US_ASCII), given);
            found = same && found == Long.MIN_VALUE ? step : found;
        }
        return found == Long.MIN_VALUE ? OptionalLong.empty() : OptionalLong.of(found);
    }

    /** Whether {@code text} has a code's shape: six digits. */
    public static boolean isCodeShape(String text) {
        return text.length() == DIGITS && text.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    /** The key as authenticator apps take it typed in: Base32 without padding. */
    public static String base32(byte[] secret) {
        return BASE32.encodeToString(secret).replace("=", "");
    }

    public static byte[] fromBase32(String text) {
        return BASE32.decode(text.toUpperCase(Locale.ROOT));
    }

    /**
     * The key URI of the Google Authenticator format, which every app's QR reader takes:
     * {@code otpauth://totp/Issuer:account?secret=...&issuer=Issuer&algorithm=SHA1&digits=6&period=30}.
     */
    public static String uri(String issuer, String account, byte[] secret) {
        return "otpauth://totp/" + encode(issuer) + ":" + encode(account)
                + "?secret=" + base32(secret) + "&issuer=" + encode(issuer)
                + "&algorithm=SHA1&digits=" + DIGITS + "&period=" + STEP.toSeconds();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static SecretKeySpec key(byte[] secret) {
        return new SecretKeySpec(secret, "HmacSHA1");
    }
}
