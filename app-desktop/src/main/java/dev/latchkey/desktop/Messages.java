package dev.latchkey.desktop;

import java.text.MessageFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.regex.Pattern;

import dev.latchkey.desktop.client.ApiError;
import dev.latchkey.desktop.language.LanguageNames;
import dev.latchkey.i18n.Languages;

/**
 * The user-facing strings in one language (one resource bundle), times and numbers as that language
 * writes them, and the one place errors become plain words.
 */
public final class Messages {
    public static final String BUNDLE = "dev.latchkey.desktop.messages";
    private static final Pattern BIDI_MARKS = Pattern.compile("[\u200E\u200F\u061C]");

    private final ResourceBundle bundle;
    private final Locale locale;
    private final DateTimeFormatter when;

    private Messages(ResourceBundle bundle, Locale locale) {
        this.bundle = bundle;
        this.locale = locale;
        this.when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale).withZone(ZoneId.systemDefault());
    }

    /** The strings of an offered language: {@code language} itself if offered, else English. */
    public static Messages load(Locale language) {
        Locale offered = LanguageNames.supported(language);
        return new Messages(Languages.bundle(BUNDLE, offered, Messages.class.getClassLoader()), offered);
    }

    public ResourceBundle bundle() {
        return bundle;
    }

    /** The language these texts are in (the shared password rules and the server's refusals follow it). */
    public Locale locale() {
        return locale;
    }

    public boolean rightToLeft() {
        return Languages.rightToLeft(locale);
    }

    /** A moment as people here read it: local date and time in this language, in this machine's time zone. */
    public String when(Instant instant) {
        // Arabic dates carry right-to-left marks that JavaFX draws as boxes; the date reads the same without.
        return BIDI_MARKS.matcher(when.format(instant)).replaceAll("");
    }

    /** The same, for the API's ISO-8601 instants. */
    public String when(String isoInstant) {
        return when(Instant.parse(isoInstant));
    }

    public String get(String key, Object... args) {
        String pattern = bundle.getString(key);
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    }

    /**
     * An API code in plain words: the string at {@code prefix + code}, or the code itself when this
     * app does not know it (a newer server may add codes).
     */
    public String words(String prefix, String code) {
        return code != null && bundle.containsKey(prefix + code) ? bundle.getString(prefix + code) : code;
    }

    /** Short facts side by side ("Dana · administrator · locked out"), joined as the language joins them. */
    public String facts(List<String> facts) {
        return facts.stream().reduce((left, right) -> get("common.facts", left, right)).orElse("");
    }

    /** What went wrong, in words a person can act on. Never a stack trace. */
    public String describe(Exception e) {
        if (!(e instanceof ApiError error)) {
            return get("error.unexpected");
        }
        return switch (error.kind()) {
            case UNREACHABLE -> get("error.unreachable");
            case UNTRUSTED_SERVER -> get("error.untrustedServer");
            case INVALID_TOKEN -> get("error.invalidToken");
            case INVALID_CREDENTIALS -> get("error.invalidCredentials");
            case UNAUTHORIZED -> get("error.unauthorized");
            case RATE_LIMITED -> get("error.rateLimited", waitText(error.retryAfterSeconds()));
            case WEAK_PASSWORD -> get("error.weakPassword");
            case SERVER_ERROR -> get("error.server");
            // The server's own words, in the language the request asked for; ours when it sent none.
            default -> error.getMessage() != null ? error.getMessage() : get("error.unexpected");
        };
    }

    private String waitText(long seconds) {
        if (seconds <= 0) {
            return get("wait.moment");
        }
        if (seconds < 60) {
            return get("wait.seconds", seconds);
        }
        return get("wait.minutes", (seconds + 59) / 60);
    }
}
