package dev.latchkey.server.mfa;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class TotpTest {
    /** RFC 6238's SHA-1 key: the ASCII of "12345678901234567890". */
    private static final byte[] RFC_KEY = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
    private final Totp totp = new Totp();

    /** RFC 6238, appendix B, SHA-1: the 8-digit codes' last six digits (RFC 4226's truncation). */
    @ParameterizedTest
    @CsvSource({"59, 287082", "1111111109, 081804", "1111111111, 050471", "1234567890, 005924",
            "2000000000, 279037", "20000000000, 353130"})
    void codeAtWhenRfc6238VectorThenSameCode(long seconds, String code) {
        assertThat(totp.codeAt(RFC_KEY, Totp.stepOf(Instant.ofEpochSecond(seconds)))).isEqualTo(code);
    }

    @Test
    void matchingStepWhenOneStepOfSkewThenFoundAndWhenTwoThenNot() {
        Instant now = Instant.ofEpochSecond(1234567890);
        long step = Totp.stepOf(now);
        assertThat(totp.matchingStep(RFC_KEY, totp.codeAt(RFC_KEY, step - 1), now)).hasValue(step - 1);
        assertThat(totp.matchingStep(RFC_KEY, totp.codeAt(RFC_KEY, step), now)).hasValue(step);
        assertThat(totp.matchingStep(RFC_KEY, totp.codeAt(RFC_KEY, step + 1), now)).hasValue(step + 1);
        assertThat(totp.matchingStep(RFC_KEY, totp.codeAt(RFC_KEY, step - 2), now)).isEmpty();
        assertThat(totp.matchingStep(RFC_KEY, totp.codeAt(RFC_KEY, step + 2), now)).isEmpty();
    }

    @Test
    void uriWhenAccountHasSymbolsThenEncodedAndKeyRoundTrips() {
        byte[] key = Totp.newSecret();
        assertThat(key).hasSize(20);
        String uri = Totp.uri("Latchkey Corp", "jane+1@example.com", key);
        assertThat(uri).startsWith("otpauth://totp/Latchkey%20Corp:jane%2B1%40example.com?secret=")
                .contains("&issuer=Latchkey%20Corp&algorithm=SHA1&digits=6&period=30");
        String secret = uri.replaceAll(".*secret=([A-Z2-7]+).*", "$1");
        assertThat(secret).hasSize(32).isEqualTo(Totp.base32(key));
        assertThat(Totp.fromBase32(secret)).isEqualTo(key);
    }
}
