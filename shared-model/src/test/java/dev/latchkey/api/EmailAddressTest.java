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

    /** Each reads like admin@corp.example wherever the address is shown; none is a deliverable address. */
    @ParameterizedTest
    @ValueSource(strings = {"admin@corp.example\u200b", "ad\u200bmin@corp.example", "admin@corp.exa\u2060mple",
            "admin\u202e@corp.example", "\u202aadmin@corp.example\u202c", "admin@\u2066corp.example\u2069",
            "ad\u00admin@corp.example", "\ufeffadmin@corp.example", "admin\u200d@corp.example",
            "admin\u200e@corp.example", "admin@corp.example\udb40\udc20", "admin\ufe0f@corp.example",
            "admin\u034f@corp.example", "admin\u3164@corp.example"})
    void normalizeWhenInvisibleOrBidiCharacterThenEmpty(String raw) {
        assertThat(EmailAddress.normalize(raw)).isEmpty();
        assertThat(EmailAddress.hasInvisibleCharacters(raw)).isTrue();
    }

    @Test
    void hasInvisibleCharactersWhenOnlyVisibleOnesThenFalse() {
        assertThat(EmailAddress.hasInvisibleCharacters("zoë@exämple.org")).isFalse();
        assertThat(EmailAddress.hasInvisibleCharacters("\u0645\u062d\u0645\u062f@example.com")).isFalse();
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
