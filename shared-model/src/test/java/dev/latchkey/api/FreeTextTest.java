package dev.latchkey.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FreeTextTest {
    static final String EMOJI = "\uD83D\uDE00";

    @Test
    void fitsCountsCharactersNotUtf16Units() {
        assertThat(FreeText.fits(EMOJI.repeat(FreeText.REASON_MAX), FreeText.REASON_MAX)).isTrue();
        assertThat(FreeText.fits(EMOJI.repeat(FreeText.REASON_MAX + 1), FreeText.REASON_MAX)).isFalse();
        assertThat(FreeText.fits("  " + "x".repeat(FreeText.NAME_MAX) + "\n", FreeText.NAME_MAX)).isTrue();
        assertThat(FreeText.fits(" \t ", FreeText.NAME_MAX)).isFalse();
        assertThat(FreeText.fits(null, FreeText.NAME_MAX)).isFalse();
    }

    @Test
    void isOneLineWhenControlCharacterThenFalse() {
        assertThat(FreeText.isOneLine("Jane " + EMOJI + " Doe")).isTrue();
        assertThat(FreeText.isOneLine("Jane\nDoe")).isFalse();
        assertThat(FreeText.isOneLine("Jane\u0085Doe")).isFalse();
    }

    @Test
    void hasBidiControlsWhenEmbeddingOverrideOrIsolateThenTrue() {
        for (char c : "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069".toCharArray()) {
            assertThat(FreeText.hasBidiControls("Jane " + c + "Doe")).as("U+%04X", (int) c).isTrue();
        }
    }

    @Test
    void hasBidiControlsWhenRightToLeftNameWithMarksThenFalse() {
        assertThat(FreeText.hasBidiControls("\u0645\u062d\u0645\u062f \u200fJane\u200e " + EMOJI)).isFalse();
    }
}
