package dev.latchkey.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class EmailAddressTest {
    @Test
    void normalizeTrimsAndLowerCases() {
        assertThat(EmailAddress.normalize("  Jane.Doe@Example.COM \t")).contains("jane.doe@example.com");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "jane", "@example.com", "jane@", "a@b@c", "ja ne@example.com",
            "jane@exa\u0000mple.com", "jane\n@example.com", "jane@\ud800example.com"})
    void normalizeWhenMalformedThenEmpty(String raw) {
        assertThat(EmailAddress.normalize(raw)).isEmpty();
    }

    @Test
    void normalizeWhenTooLongThenEmpty() {
        String local = "a".repeat(64);
        String domain = "d".repeat(254 - 65) + "x";
        assertThat(EmailAddress.normalize(local + "@" + domain.substring(1))).isPresent();
        assertThat(EmailAddress.normalize(local + "@" + domain)).isEmpty();
    }

    @Test
    void normalizeKeepsNonAsciiAddresses() {
        assertThat(EmailAddress.normalize("Zoë@Exämple.org")).contains("zoë@exämple.org");
        assertThat(EmailAddress.normalize("o'brien+x@example.com")).contains("o'brien+x@example.com");
    }

    @Test
    void maskKeepsFirstCharacterAndDomain() {
        assertThat(EmailAddress.mask("jane@example.com")).isEqualTo("j***@example.com");
        assertThat(EmailAddress.mask("\uD83D\uDE00x@example.com")).isEqualTo("\uD83D\uDE00***@example.com");
    }
}
