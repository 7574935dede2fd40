package dev.latchkey.server.i18n;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.TreeMap;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;

import dev.latchkey.i18n.Languages;

/**
 * The server's words in every language: {@code messages*.properties} beside this class, one file per
 * language. Keys start with what they are for: {@code api.} (the API's messages), {@code mail.} (the
 * emails) and {@code page.} (the /reset and /report pages, which load theirs as JSON). Every value is
 * a {@link MessageFormat} pattern.
 */
public final class Texts {
    private static final String BUNDLE = "dev.latchkey.server.i18n.messages";

    private Texts() {
    }

    /** The text of {@code key} in {@code language}, its placeholders filled with {@code args}. */
    public static String get(Locale language, String key, Object... args) {
        return new MessageFormat(bundle(language).getString(key), language).format(args);
    }

    /** Every text whose key starts with {@code prefix}, keyed without it (a page's strings). */
    public static Map<String, String> withPrefix(Locale language, String prefix) {
        ResourceBundle bundle = bundle(language);
        Map<String, String> texts = new TreeMap<>();
        for (String key : bundle.keySet()) {
            if (key.startsWith(prefix)) {
                texts.put(key.substring(prefix.length()), get(language, key));
            }
        }
        return texts;
    }

    /** The language a request asks for with {@code Accept-Language}; English when none fits. */
    public static Locale of(ServerRequest request) {
        return Languages.negotiate(request.headers().first(HeaderNames.ACCEPT_LANGUAGE).orElse(null));
    }

    private static ResourceBundle bundle(Locale language) {
        return Languages.bundle(BUNDLE, language, Texts.class.getClassLoader());
    }
}
