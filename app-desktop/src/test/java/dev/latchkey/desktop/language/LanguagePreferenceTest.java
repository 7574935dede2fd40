package dev.latchkey.desktop.language;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

class LanguagePreferenceTest {
    @TempDir
    Path dir;

    /** In remote mode no server makes the data folder: choosing a language is the first thing that does. */
    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void rememberWhenDataFolderMissingThenCreatedOwnerOnly() throws Exception {
        Path dataDir = dir.resolve("latchkey");
        LanguagePreference preference = new LanguagePreference(dataDir);
        preference.remember(Locale.GERMAN);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir))).isEqualTo("rwx------");
        assertThat(preference.remembered()).contains(Locale.GERMAN);
    }
}
