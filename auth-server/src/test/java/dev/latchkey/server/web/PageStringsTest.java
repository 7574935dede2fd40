package dev.latchkey.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.latchkey.password.PasswordPolicy;
import dev.latchkey.password.PasswordRule;
import dev.latchkey.server.http.SecurityHeaders;
import dev.latchkey.server.i18n.Texts;
import dev.latchkey.server.support.OneServerPerClass;
import dev.latchkey.server.support.TestServer.Response;

/**
 * {@code GET /reset/strings} and {@code /report/strings}: each page's words in the language the browser
 * asks for, and exactly the words its markup and scripts ask for (a key they use that the bundle lacks
 * fails, and so does one nobody uses).
 */
class PageStringsTest extends OneServerPerClass {
    static final List<String> PAGES = List.of("reset", "report");
    /** {@code data-i18n="reset.title"}, {@code data-i18n-aria-label="reset.rules"}. */
    private static final Pattern MARKUP_KEY = Pattern.compile("data-i18n(?:-aria-label)?=\"([^\"]+)\"");
    /** A key in a script is a quoted literal: {@code I18n.t('common.failed')}, {@code 'rule.STRENGTH'}. */
    private static final Pattern SCRIPT_KEY = Pattern.compile("'((?:common|reset|report|rule)\\.[A-Za-z_.]+)'");

    private static Response strings(String page, String acceptLanguage) {
        return server.send(server.request("/" + page + "/strings", "127.0.0.1", null)
                .header("Accept-Language", acceptLanguage).GET());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            de-DE,de;q=0.9,en;q=0.8 | de | ltr
            fr-CH, fr;q=0.9         | fr | ltr
            es-419,es;q=0.9         | es | ltr
            ar-EG,ar;q=0.9,en;q=0.5 | ar | rtl
            en-US,en;q=0.9          | en | ltr
            ;;q=banana,-,de-        | en | ltr
            """)
    void stringsWhenLanguageAskedThenInItWithEveryKeyThePageUses(String acceptLanguage, String lang, String dir) {
        Locale language = Locale.forLanguageTag(lang);
        PasswordPolicy policy = serverPolicy();
        for (String page : PAGES) {
            Response response = strings(page, acceptLanguage);

            assertThat(response.status()).as(page).isEqualTo(200);
            assertThat(response.header("Content-Type")).isEqualTo("application/json; charset=UTF-8");
            assertThat(response.header("Cache-Control")).isEqualTo("no-store");
            assertThat(response.header("Vary")).containsIgnoringCase("Accept-Language");
            assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(response.header("Referrer-Policy")).isEqualTo("no-referrer");
            assertThat(response.header("Content-Security-Policy")).isEqualTo(SecurityHeaders.API_CSP);
            JsonNode json = response.json();
            assertThat(json.get("lang").asText()).isEqualTo(lang);
            assertThat(json.get("dir").asText()).isEqualTo(dir);
            Map<String, String> strings = new TreeMap<>();
            json.get("strings").properties().forEach(entry -> strings.put(entry.getKey(), entry.getValue().asText()));
            assertThat(strings.keySet()).as("the keys %s's markup and scripts use", page)
                    .containsExactlyInAnyOrderElementsOf(keysUsedBy(page));
            strings.forEach((key, text) -> assertThat(text).as(key).isEqualTo(key.startsWith("rule.")
                    ? PasswordRule.valueOf(key.substring(5)).requirement(policy, language)
                    : Texts.get(language, "page." + key)));
            assertThat(response.body()).as("no token").doesNotContainPattern("[A-Za-z0-9_-]{43,}");
        }
    }

    @Test
    void stringsWhenNoAcceptLanguageThenEnglish() {
        Response response = server.get("/report/strings", null);

        assertThat(response.json().get("lang").asText()).isEqualTo("en");
        assertThat(response.json().get("strings").get("report.title").asText()).isEqualTo("Not you?");
    }

    @Test
    void stringsWhenPostedThen405() {
        for (String page : PAGES) {
            Response response = server.post("/" + page + "/strings", "{}");

            assertThat(response.status()).isEqualTo(405);
            assertThat(response.header("Allow")).isEqualTo("GET");
        }
    }

    /** The rule lines come from the policy the server enforces, which it tells. */
    private static PasswordPolicy serverPolicy() {
        JsonNode policy = server.get("/api/v1/password-policy", null).json();
        return new PasswordPolicy(policy.get("minLength").asInt(), policy.get("minScore").asInt());
    }

    /** The keys in the page's markup, its script and the shared script that loads them. */
    static Set<String> keysUsedBy(String page) {
        Set<String> keys = new TreeSet<>();
        MARKUP_KEY.matcher(resource(page + ".html")).results().forEach(m -> keys.add(m.group(1)));
        for (String script : List.of(page + ".js", "i18n.js")) {
            SCRIPT_KEY.matcher(resource(script)).results().forEach(m -> keys.add(m.group(1)));
        }
        return keys;
    }

    private static String resource(String name) {
        try (InputStream in = PageStringsTest.class.getResourceAsStream("/web/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
