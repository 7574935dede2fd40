package dev.latchkey.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.latchkey.password.PasswordPolicy;
import dev.latchkey.password.PasswordRule;
import dev.latchkey.password.StrengthWords;

class LanguagesTest {
    @Test
    void negotiateWhenBrowserLanguagesThenBestSupportedElseEnglish() {
        assertThat(Languages.negotiate("de-DE,de;q=0.9,en;q=0.8")).isEqualTo(Locale.GERMAN);
        assertThat(Languages.negotiate("ja, fr-CA;q=0.5")).isEqualTo(Locale.FRENCH);
        assertThat(Languages.negotiate("es-419")).isEqualTo(Locale.forLanguageTag("es"));
        assertThat(Languages.negotiate("ar-EG")).isEqualTo(Locale.forLanguageTag("ar"));
        assertThat(Languages.negotiate("ja")).isEqualTo(Locale.ENGLISH);
        assertThat(Languages.negotiate(null)).isEqualTo(Locale.ENGLISH);
        assertThat(Languages.negotiate(";;;q=banana,\u0000")).isEqualTo(Locale.ENGLISH);
        assertThat(Languages.negotiate("de,".repeat(300))).isEqualTo(Locale.ENGLISH);
    }

    @Test
    void rightToLeftWhenArabicOnly() {
        assertThat(Languages.SUPPORTED).filteredOn(Languages::rightToLeft)
                .containsExactly(Locale.forLanguageTag("ar"));
    }

    @Test
    void bundleWhenMachineIsGermanThenEnglishReadersStillGetEnglish() {
        Locale machine = Locale.getDefault();
        Locale.setDefault(Locale.GERMAN);
        try {
            assertThat(PasswordRule.MIN_LENGTH.requirement(PasswordPolicy.defaults(), Locale.ENGLISH))
                    .isEqualTo("At least 15 characters");
        } finally {
            Locale.setDefault(machine);
        }
    }

    @Test
    void passwordRulesWhenEveryLanguageThenComplete() {
        assertThat(new BundleAudit(Path.of("src/main/resources/dev/latchkey/password/rules.properties"),
                value -> true, Map.of()).problems()).isEmpty();
    }

    @Test
    void placeholdersWhenReadAsMessageFormatReadsThem() {
        assertThat(BundleAudit.placeholders("Case {0,number,#} · {1}")).containsExactly("0,number", "1");
        assertThat(BundleAudit.placeholders("Cases{0,choice,0#|0< ({0} open)}")).containsExactly("0", "0,choice");
        assertThat(BundleAudit.placeholders("l''adresse {0}")).containsExactly("0");
        assertThat(BundleAudit.placeholders("l'adresse {0}")).as("a lone apostrophe quotes the rest away").isEmpty();
    }

    @Test
    void strengthWordsWhenScoredThenInTheReadersLanguage() {
        assertThat(StrengthWords.none(Locale.ENGLISH)).isEqualTo("Strength");
        assertThat(StrengthWords.of(0, Locale.ENGLISH)).isEqualTo("Strength: very weak");
        assertThat(StrengthWords.of(9, Locale.ENGLISH)).isEqualTo("Strength: very strong");
        assertThat(StrengthWords.of(4, Locale.GERMAN)).isNotEqualTo(StrengthWords.of(4, Locale.ENGLISH));
    }
}
