package dev.latchkey.i18n;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks one module's language bundle against its English file: for every supported language a file
 * in plain UTF-8, the same keys, the same MessageFormat placeholders (read outside quotes, so a lone
 * apostrophe that quotes one away is caught), patterns that parse, no apostrophe MessageFormat would
 * drop, and no value left in English unless allowed. Each module's tests run it on their bundle; the
 * problems come back as lines, so one run names every gap.
 */
public final class BundleAudit {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\s*(\\d+)\\s*(?:,\\s*(\\w+))?");
    private static final Pattern QUOTED = Pattern.compile("'[^']*'?");
    /** A lone ASCII apostrophe: in a MessageFormat pattern it starts a quote and vanishes. */
    private static final Pattern LONE_APOSTROPHE = Pattern.compile("(?<!')'(?!')");
    /** A number format with a # inside a choice: JDK 23 reads it, Java 21 splits the choice at it. */
    private static final Pattern NUMBER_IN_CHOICE = Pattern.compile(",choice,.*\\{\\d+,number,[^}]*#");
    private static final Pattern UNICODE_ESCAPE = Pattern.compile("\\\\u[0-9a-fA-F]{4}");

    private final Path english;
    private final Predicate<String> formatted;
    private final Map<String, String> sameAsEnglish;

    /**
     * {@code english}: the base file ({@code .../messages.properties}); {@code formatted}: which English
     * values go through MessageFormat; {@code sameAsEnglish}: values that may read as in English, with
     * why, by {@code key} (every language) or {@code lang/key} (one).
     */
    public BundleAudit(Path english, Predicate<String> formatted, Map<String, String> sameAsEnglish) {
        this.english = english;
        this.formatted = formatted;
        this.sameAsEnglish = sameAsEnglish;
    }

    /** Every gap of every supported language, one line each; empty when the bundle is complete. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        Properties base = load(english, "en", problems);
        for (Locale language : Languages.SUPPORTED) {
            String tag = language.toLanguageTag();
            if (language.equals(Languages.ENGLISH)) {
                base.forEach((key, value) -> checkPattern(problems, tag, (String) key, (String) value));
                continue;
            }
            Path file = english.resolveSibling(english.getFileName().toString().replace(".properties",
                    "_" + tag + ".properties"));
            if (!Files.exists(file)) {
                problems.add(tag + ": no file " + file.getFileName() + " (the language shows English)");
                continue;
            }
            check(problems, tag, base, load(file, tag, problems));
        }
        return problems;
    }

    /** The placeholders a MessageFormat sees: index and type, outside quoted text. */
    public static Set<String> placeholders(String pattern) {
        String unquoted = QUOTED.matcher(pattern.replace("''", "")).replaceAll("");
        Set<String> found = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(unquoted);
        while (m.find()) {
            found.add(m.group(1) + (m.group(2) == null ? "" : "," + m.group(2)));
        }
        return found;
    }

    private static Set<String> indexes(String pattern) {
        Set<String> indexes = new TreeSet<>();
        placeholders(pattern).forEach(placeholder -> indexes.add(placeholder.split(",")[0]));
        return indexes;
    }

    private void check(List<String> problems, String tag, Properties base, Properties translated) {
        Set<String> missing = new TreeSet<>(base.stringPropertyNames());
        missing.removeAll(translated.stringPropertyNames());
        missing.forEach(key -> problems.add(tag + ": missing " + key));
        Set<String> extra = new TreeSet<>(translated.stringPropertyNames());
        extra.removeAll(base.stringPropertyNames());
        extra.forEach(key -> problems.add(tag + ": extra " + key + " (English has no such key)"));
        for (String key : new TreeSet<>(base.stringPropertyNames())) {
            String value = translated.getProperty(key);
            if (value == null) {
                continue;
            }
            String source = base.getProperty(key);
            // The same arguments; a language may format one more finely (a choice for its plurals).
            if (!indexes(value).equals(indexes(source))) {
                problems.add(tag + ": " + key + " has placeholders " + placeholders(value) + ", English "
                        + placeholders(source) + " (an apostrophe is written '' or ’ in a pattern)");
            }
            if (formatted.test(source)) {
                checkPattern(problems, tag, key, value);
            }
            if (value.strip().equals(source.strip()) && !sameAsEnglish.containsKey(key)
                    && !sameAsEnglish.containsKey(tag + "/" + key)) {
                problems.add(tag + ": " + key + " is still the English \"" + source + "\"; if that is right in "
                        + tag + ", allow " + tag + "/" + key + " with why");
            }
        }
    }

    private void checkPattern(List<String> problems, String tag, String key, String value) {
        if (!formatted.test(value)) {
            return;
        }
        if (NUMBER_IN_CHOICE.matcher(value).find()) {
            problems.add(tag + ": " + key + " formats a number inside a choice ({0,number,#}): Java 21's"
                    + " ChoiceFormat reads its # as a limit and refuses the pattern; write {0} there");
        }
        if (LONE_APOSTROPHE.matcher(value).find()) {
            problems.add(tag + ": " + key + " has an apostrophe MessageFormat would drop (write ’ or '')");
        }
        try {
            new MessageFormat(value, Locale.forLanguageTag(tag));
        } catch (IllegalArgumentException e) {
            problems.add(tag + ": " + key + " is not a valid MessageFormat pattern: " + e.getMessage());
        }
    }

    /** As ResourceBundle reads it since Java 9: UTF-8, which needs no \\u escapes and no byte-order mark. */
    private static Properties load(Path file, String tag, List<String> problems) {
        Properties properties = new Properties();
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
            if (text.startsWith("\uFEFF")) {
                problems.add(tag + ": " + file.getFileName() + " starts with a byte-order mark");
            }
            text.lines().filter(line -> UNICODE_ESCAPE.matcher(line).find()).forEach(line -> problems.add(tag
                    + ": " + file.getFileName() + " writes \\u escapes, not the characters: " + line));
            properties.load(new StringReader(text));
        } catch (CharacterCodingException e) {
            problems.add(tag + ": " + file.getFileName() + " is not UTF-8");
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + file, e);
        }
        return properties;
    }
}
