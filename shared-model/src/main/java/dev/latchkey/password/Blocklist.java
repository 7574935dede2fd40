package dev.latchkey.password;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import com.nulabinc.zxcvbn.StandardDictionaries;

/**
 * Commonly used passwords: zxcvbn's list of the most frequent leaked passwords plus our own list of
 * long ones (phrases and keyboard walks that pass a length rule). Compared case-insensitively.
 */
final class Blocklist {
    private static final String OWN_LIST = "/dev/latchkey/password/blocklist.txt";

    private final Set<String> entries;

    private Blocklist(Set<String> entries) {
        this.entries = Set.copyOf(entries);
    }

    static Blocklist load() {
        Set<String> entries = new HashSet<>();
        try {
            StandardDictionaries.PASSWORDS_LOADER.load().getFrequencies()
                    .forEach(word -> entries.add(word.toLowerCase(Locale.ROOT)));
            try (InputStream in = Blocklist.class.getResourceAsStream(OWN_LIST)) {
                if (in == null) {
                    throw new IllegalStateException("Missing resource " + OWN_LIST);
                }
                new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                        .map(String::strip)
                        .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                        .forEach(line -> entries.add(line.toLowerCase(Locale.ROOT)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot load the password blocklist", e);
        }
        return new Blocklist(entries);
    }

    boolean contains(String normalizedPassword) {
        return entries.contains(normalizedPassword.toLowerCase(Locale.ROOT));
    }
}
