package dev.latchkey.i18n;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks one module's language bundle against its English file: for every supported language a file,
 * the same keys, the same placeholders, patterns that parse, no apostrophe that MessageFormat would
 * eat, and no value left in English unless it is allowed to read the same. Each module's tests run it
 * on their bundle; the problems come back as lines, so one run names every gap.
 */
public final class BundleAudit {
    private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)");
    /** A lone ASCII apostrophe: in a MessageFormat pattern it starts a quote and the text vanishes. */
    private static final Pattern LONE_APOSTROPHE = Pattern.compile("(?<!')'(?!')");

    private final Path english;
    private final Predicate<String> formatted;
    private final Set<String> sameInEveryLanguage;

    /**
     * {@code english}: the base file ({@code .../messages.properties}); {@code formatted}: which
     * values go through MessageFormat; {@code sameInEveryLanguage}: keys whose value may read the same
     * as English (a brand, a code).
     */
    public BundleAudit(Path english, Predicate<String> formatted, Set<String> sameInEveryLanguage) {
        this.english = english;
        this.formatted = formatted;
        this.sameInEveryLanguage = sameInEveryLanguage;
    }

    /** Every gap of every supported language, one line each; empty when the bundle is complete. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        Properties base = load(english);
        check(problems, "en", base, base);
        for (Locale language : Languages.SUPPORTED) {
            if (language.equals(Languages.ENGLISH)) {
                continue;
            }
            String tag = language.toLanguageTag();
            Path file = english.resolveSibling(english.getFileName().toString().replace(".properties",
                    "_" + tag + ".properties"));
            if (!Files.exists(file)) {
                problems.add(tag + ": no file " + file.getFileName());
                continue;
            }
            check(problems, tag, base, load(file));
        }
        return problems;
    }

    private void check(List<String> problems, String tag, Properties base, Properties translated) {
        Set<String> keys = new TreeSet<>(base.stringPropertyNames());
        Set<String> missing = new TreeSet<>(keys);
        missing.removeAll(translated.stringPropertyNames());
        missing.forEach(key -> problems.add(tag + ": missing " + key));
        Set<String> extra = new TreeSet<>(translated.stringPropertyNames());
        extra.removeAll(keys);
        extra.forEach(key -> problems.add(tag + ": extra " + key));
        Locale locale = Locale.forLanguageTag(tag);
        for (String key : keys) {
            String value = translated.getProperty(key);
            if (value == null) {
                continue;
            }
            String source = base.getProperty(key);
            if (!arguments(value).equals(arguments(source))) {
                problems.add(tag + ": " + key + " has placeholders " + arguments(value) + ", English "
                        + arguments(source));
            }
            if (formatted.test(source)) {
                if (LONE_APOSTROPHE.matcher(value).find()) {
                    problems.add(tag + ": " + key + " has an apostrophe MessageFormat would drop (write ’ or '')");
                }
                try {
                    new MessageFormat(value, locale);
                } catch (IllegalArgumentException e) {
                    problems.add(tag + ": " + key + " is not a valid pattern: " + e.getMessage());
                }
            }
            if (translated != base && value.equals(source) && !sameInEveryLanguage.contains(key)) {
                problems.add(tag + ": " + key + " is still the English \"" + source + "\"");
            }
        }
    }

    private static Set<Integer> arguments(String value) {
        Set<Integer> found = new TreeSet<>();
        Matcher m = ARGUMENT.matcher(value);
        while (m.find()) {
            found.add(Integer.parseInt(m.group(1)));
        }
        return found;
    }

    /** As ResourceBundle reads a .properties file since Java 9: UTF-8. */
    private static Properties load(Path file) {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + file, e);
        }
        return properties;
    }
}
