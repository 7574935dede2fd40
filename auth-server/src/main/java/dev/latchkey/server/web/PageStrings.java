package dev.latchkey.server.web;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import io.helidon.http.Method;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;

import dev.latchkey.i18n.Languages;
import dev.latchkey.password.PasswordPolicy;
import dev.latchkey.password.PasswordRule;
import dev.latchkey.server.http.ErrorHandling;
import dev.latchkey.server.http.JsonResponses;
import dev.latchkey.server.i18n.Texts;

/**
 * {@code GET /reset/strings} and {@code GET /report/strings}: a page's words as JSON, in the language
 * the browser's {@code Accept-Language} asks for (its script loads them: the CSP allows no inline data).
 * The keys are those of the server's bundle without {@code page.}: the page's own ({@code reset.*},
 * {@code report.*}) and the shared {@code common.*}; the reset page also gets the password rules as
 * the desktop words them ({@code rule.MIN_LENGTH}, ...). No token is asked or given.
 */
public final class PageStrings implements HttpService {
    private static final String PREFIX = "page.";

    /** What the page's script reads; {@code dir} is the direction of the whole page. */
    record Answer(String lang, String dir, Map<String, String> strings) {
    }

    private final PasswordPolicy policy;

    public PageStrings(PasswordPolicy policy) {
        this.policy = policy;
    }

    @Override
    public void routing(HttpRules rules) {
        page(rules, "reset", this::rules);
        page(rules, "report", language -> Map.of());
    }

    private static void page(HttpRules rules, String page, Function<Locale, Map<String, String>> more) {
        String path = "/" + page + "/strings";
        rules.get(path, (req, res) -> JsonResponses.send(res, 200, answer(page, Texts.of(req), more)))
                .any(path, ErrorHandling.allowOnly(Method.GET));
    }

    private static Answer answer(String page, Locale language, Function<Locale, Map<String, String>> more) {
        Map<String, String> strings = new TreeMap<>();
        Texts.withPrefix(language, PREFIX).forEach((key, text) -> {
            if (key.startsWith("common.") || key.startsWith(page + ".")) {
                strings.put(key, text);
            }
        });
        strings.putAll(more.apply(language));
        return new Answer(language.toLanguageTag(), Languages.rightToLeft(language) ? "rtl" : "ltr", strings);
    }

    private Map<String, String> rules(Locale language) {
        Map<String, String> rules = new TreeMap<>();
        for (PasswordRule rule : PasswordRule.values()) {
            rules.put("rule." + rule.name(), rule.requirement(policy, language));
        }
        return rules;
    }
}
