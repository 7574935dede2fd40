package dev.latchkey.desktop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.latchkey.desktop.language.LanguagePreference;

class AppOptionsTest {
    @Test
    void noArgumentsMeansEmbeddedServerWithDataInHome() {
        AppOptions options = AppOptions.parse();
        assertThat(options.server()).isEmpty();
        assertThat(options.dataDir()).isEqualTo(Path.of(System.getProperty("user.home"), ".latchkey"));
    }

    @Test
    void serverAndDataDirAreRead() {
        AppOptions options = AppOptions.parse("--server", "http://10.1.2.3:8080/", "--data-dir", "some/where");
        assertThat(options.server()).contains(URI.create("http://10.1.2.3:8080"));
        assertThat(options.dataDir()).isEqualTo(Path.of("some/where").toAbsolutePath());
    }

    @Test
    void plainHttpWarningWhenServerIsAnotherMachineOverHttpOnly() {
        assertThat(AppOptions.parse("--server", "http://10.1.2.3:8080").plainHttpWarning()).hasValueSatisfying(
                line -> assertThat(line).startsWith("Warning: http://10.1.2.3:8080").contains("unencrypted"));
        assertThat(AppOptions.parse("--server", "http://127.0.0.1:8080").plainHttpWarning()).isEmpty();
        assertThat(AppOptions.parse("--server", "https://auth.example.org").plainHttpWarning()).isEmpty();
        assertThat(AppOptions.parse().plainHttpWarning()).as("the embedded server").isEmpty();
    }

    @Test
    void langPicksAnOfferedLanguageAndFallsBackToEnglish() {
        assertThat(AppOptions.parse().lang()).isEmpty();
        assertThat(AppOptions.parse("--lang", "de").lang()).contains(Locale.GERMAN);
        assertThat(AppOptions.parse("--lang", "ar").lang()).contains(Locale.forLanguageTag("ar"));
        assertThat(AppOptions.parse("--lang", "fr-CA").lang()).as("the language, whatever the region")
                .contains(Locale.FRENCH);
        assertThat(AppOptions.parse("--lang", "ja").lang()).as("not offered").contains(Locale.ENGLISH);
        assertThatThrownBy(() -> AppOptions.parse("--lang", "not a tag")).hasMessageContaining("language code");
        assertThatThrownBy(() -> AppOptions.parse("--lang")).hasMessageContaining("needs a value");
    }

    @Test
    void langWinsOverTheRememberedChoiceWhichWinsOverTheSystem(@TempDir Path dataDir) {
        LanguagePreference preference = new LanguagePreference(dataDir);
        assertThat(preference.choose(Optional.empty(), Locale.forLanguageTag("es-MX"))).isEqualTo(Locale.forLanguageTag("es"));
        assertThat(preference.choose(Optional.empty(), Locale.JAPAN)).as("unsupported").isEqualTo(Locale.ENGLISH);
        preference.remember(Locale.FRENCH);
        assertThat(new LanguagePreference(dataDir).remembered()).contains(Locale.FRENCH);
        assertThat(preference.choose(Optional.empty(), Locale.GERMANY)).isEqualTo(Locale.FRENCH);
        assertThat(preference.choose(AppOptions.parse("--lang", "ar").lang(), Locale.GERMANY))
                .isEqualTo(Locale.forLanguageTag("ar"));
    }

    @Test
    void rememberedChoiceWhenFileIsHostileThenTheSystemsLanguage(@TempDir Path dataDir) throws Exception {
        Path file = dataDir.resolve("desktop.properties");
        for (String content : new String[] {"language=not a tag", "language=" + "x".repeat(100_000),
                "\u0000\u00ff\ufffd=garbage", "language=../../etc/passwd", "language"}) {
            Files.writeString(file, content);
            assertThat(new LanguagePreference(dataDir).choose(Optional.empty(), Locale.GERMANY))
                    .as(content.length() > 40 ? content.substring(0, 40) : content).isEqualTo(Locale.GERMAN);
        }
        Files.delete(file);
        Files.createDirectory(file); // not even a file
        assertThat(new LanguagePreference(dataDir).choose(Optional.empty(), Locale.GERMANY)).isEqualTo(Locale.GERMAN);
    }

    @Test
    void badArgumentsAreRefusedInPlainWords() {
        assertThatThrownBy(() -> AppOptions.parse("--server")).hasMessageContaining("needs a value");
        assertThatThrownBy(() -> AppOptions.parse("--server", "ftp://x")).hasMessageContaining("http or https");
        assertThatThrownBy(() -> AppOptions.parse("--colour", "blue")).hasMessageContaining("Unknown option");
    }
}
