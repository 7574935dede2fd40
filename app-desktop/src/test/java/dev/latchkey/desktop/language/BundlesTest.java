package dev.latchkey.desktop.language;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.SoftAssertions.assertSoftly;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The desktop's translations against English, the base bundle: every {@code messages_<lang>.properties}
 * there is (found, not listed here) has exactly English's keys, the same MessageFormat placeholders,
 * no value left in English, and is plain UTF-8. A second test wants a file for every language the app
 * offers: it fails until the translations are there, as it should.
 */
class BundlesTest {
    private static final Path FOLDER = Path.of("src/main/resources/dev/latchkey/desktop");
    private static final Pattern TRANSLATION = Pattern.compile("messages_([A-Za-z_]+)\\.properties");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\s*(\\d+)\\s*(?:,\\s*(\\w+))?");
    private static final Pattern QUOTED = Pattern.compile("'[^']*'?");
    private static final Pattern UNICODE_ESCAPE = Pattern.compile("\\\\u[0-9a-fA-F]{4}");

    /**
     * Values that may read as in English, with why. {@code key} holds for every language,
     * {@code lang/key} for one ("de/helpdesk.cases.status": German says "Status" too). Keep it short.
     */
    private static final Map<String, String> SAME_AS_ENGLISH = Map.of(
            "app.name", "the product's name",
            "field.email.prompt", "an example address, not words",
            "common.facts", "only a separator between two facts",
            "helpdesk.audit.ip", "IP, the abbreviation every language uses",
            "helpdesk.case.ip", "IP, the abbreviation every language uses",
            "de/helpdesk.cases.status", "German says Status too",
            "de/helpdesk.case.status", "German says Status too");

    /** One test per translation there is; none at all is no failure (that is the next test's job). */
    @TestFactory
    Stream<DynamicTest> everyTranslationMatchesEnglish() throws IOException {
        try (Stream<Path> files = Files.list(FOLDER)) {
            return files.map(f -> TRANSLATION.matcher(f.getFileName().toString())).filter(Matcher::matches)
                    .map(m -> m.group(1)).sorted().toList().stream()
                    .map(lang -> DynamicTest.dynamicTest("messages_" + lang + ".properties",
                            () -> translationMatchesEnglish(lang)));
        }
    }

    @Test
    void everyOfferedLanguageHasItsFile() {
        List<String> missing = Languages.OFFERED.stream().map(l -> l.toLanguageTag())
                .filter(tag -> !tag.equals(Languages.ENGLISH.toLanguageTag()))
                .filter(tag -> !Files.exists(FOLDER.resolve("messages_" + tag + ".properties")))
                .toList();
        assertThat(missing).as("languages the app offers (Languages.OFFERED) without their "
                + FOLDER + "/messages_<lang>.properties: they show English").isEmpty();
    }

    @Test
    void englishIsPlainUtf8() throws IOException {
        assertPlainUtf8(FOLDER.resolve("messages.properties"));
    }

    private static void translationMatchesEnglish(String lang) throws IOException {
        Path file = FOLDER.resolve("messages_" + lang + ".properties");
        assertPlainUtf8(file);
        Properties english = load(FOLDER.resolve("messages.properties"));
        Properties translated = load(file);

        assertSoftly(softly -> {
            softly.assertThat(difference(english, translated)).as(file + ": keys English has and it lacks").isEmpty();
            softly.assertThat(difference(translated, english)).as(file + ": keys English does not have").isEmpty();
            for (String key : english.stringPropertyNames()) {
                String source = english.getProperty(key);
                String value = translated.getProperty(key);
                if (value == null) {
                    continue;
                }
                softly.assertThat(placeholders(value)).as(file + " " + key + ": the placeholders of \"" + source
                        + "\" (an apostrophe next to one is written '' in a value with placeholders)")
                        .isEqualTo(placeholders(source));
                if (value.strip().equals(source.strip()) && !SAME_AS_ENGLISH.containsKey(key)
                        && !SAME_AS_ENGLISH.containsKey(lang + "/" + key)) {
                    softly.fail(file + " " + key + ": still English (\"" + source + "\"); if that is right in "
                            + lang + ", add " + lang + "/" + key + " to SAME_AS_ENGLISH with why");
                }
            }
        });
    }

    /** The placeholders a MessageFormat sees: index and type, outside quoted text. */
    static Set<String> placeholders(String pattern) {
        String unquoted = QUOTED.matcher(pattern.replace("''", "")).replaceAll("");
        Set<String> found = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(unquoted);
        while (m.find()) {
            found.add(m.group(1) + (m.group(2) == null ? "" : "," + m.group(2)));
        }
        return found;
    }

    @Test
    void placeholdersAreReadAsMessageFormatReadsThem() {
        assertThat(placeholders("Case {0,number,#} · {1}")).containsExactly("0,number", "1");
        assertThat(placeholders("Cases{0,choice,0#|0< ({0} open)}")).containsExactly("0", "0,choice");
        assertThat(placeholders("l''adresse {0}")).containsExactly("0");
        assertThat(placeholders("l'adresse {0}")).as("a lone apostrophe quotes the rest away").isEmpty();
    }

    private static Set<String> difference(Properties from, Properties without) {
        Set<String> keys = new TreeSet<>(from.stringPropertyNames());
        keys.removeAll(without.stringPropertyNames());
        return keys;
    }

    /** Java reads .properties as UTF-8 (since 9): the file must decode as such, and needs no \\u escapes. */
    private static void assertPlainUtf8(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new AssertionError(file + " is not UTF-8: save it as UTF-8", e);
        }
        List<String> escaped = new ArrayList<>();
        text.lines().filter(line -> UNICODE_ESCAPE.matcher(line).find()).forEach(escaped::add);
        assertThat(escaped).as(file + ": write the characters themselves, not \\u escapes").isEmpty();
        assertThat(text).as(file + " starts with a byte-order mark").doesNotStartWith("\uFEFF");
    }

    private static Properties load(Path file) throws IOException {
        Properties properties = new Properties();
        properties.load(new StringReader(Files.readString(file, StandardCharsets.UTF_8)));
        return properties;
    }
}
