package dev.latchkey.desktop.language;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;

import dev.latchkey.server.config.DataDir;

/**
 * The language chosen in the menu, remembered in {@code <data-dir>/desktop.properties}. The data folder,
 * not {@link java.util.prefs.Preferences}: it already holds everything of one installation (and
 * {@code --data-dir} keeps test and portable runs apart), while preferences would be one per user
 * account, shared by every data folder, and kept in a hidden place nobody thinks to look.
 */
public final class LanguagePreference {
    static final String FILE = "desktop.properties";
    private static final String KEY = "language";

    private final Path file;

    public LanguagePreference(Path dataDir) {
        this.file = dataDir.resolve(FILE);
    }

    /** The remembered choice; empty when there is none or the file cannot be read. */
    public Optional<Locale> remembered() {
        try {
            return Optional.ofNullable(read().getProperty(KEY)).map(LanguageNames::parse);
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public void remember(Locale language) {
        try {
            Properties settings = read();
            settings.setProperty(KEY, language.toLanguageTag());
            // Chosen before any server made the folder (or with none, in remote mode): owner-only all the same.
            DataDir.prepare(file.getParent());
            Path next = file.resolveSibling(FILE + ".new");
            try (Writer out = Files.newBufferedWriter(next, StandardCharsets.UTF_8)) {
                settings.store(out, "Latchkey desktop settings");
            }
            // A crash mid-write leaves the old file, not half of one.
            Files.move(next, file, StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    /** {@code --lang} wins over the remembered choice, which wins over the system's language. */
    public Locale choose(Optional<Locale> commandLine, Locale system) {
        return commandLine.or(this::remembered).orElseGet(() -> LanguageNames.supported(system));
    }

    private Properties read() throws IOException {
        Properties settings = new Properties();
        if (Files.exists(file)) {
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                settings.load(in);
            }
        }
        return settings;
    }
}
