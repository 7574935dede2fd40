package dev.latchkey.desktop;

import java.text.MessageFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.ResourceBundle;

import dev.latchkey.desktop.client.ApiError;

/** The user-facing strings (one resource bundle), times, and the one place errors become plain words. */
public final class Messages {
    public static final String BUNDLE = "dev.latchkey.desktop.messages";
    private static final DateTimeFormatter WHEN = DateTimeFormatter
            .ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withZone(ZoneId.systemDefault());

    private final ResourceBundle bundle;

    public Messages(ResourceBundle bundle) {
        this.bundle = bundle;
    }

    public static Messages load() {
        return new Messages(ResourceBundle.getBundle(BUNDLE, Locale.getDefault()));
    }

    public ResourceBundle bundle() {
        return bundle;
    }

    /** A moment as people here read it: local date and time, in this machine's time zone. */
    public String when(Instant instant) {
        return WHEN.format(instant);
    }

    /** The same, for the API's ISO-8601 instants. */
    public String when(String isoInstant) {
        return when(Instant.parse(isoInstant));
    }

    public String get(String key, Object... args) {
        String pattern = bundle.getString(key);
        return args.length == 0 ? pattern : MessageFormat.format(pattern, args);
    }

    /**
     * An API code in plain words: the string at {@code prefix + code}, or the code itself when this
     * app does not know it (a newer server may add codes).
     */
    public String words(String prefix, String code) {
        return code != null && bundle.containsKey(prefix + code) ? bundle.getString(prefix + code) : code;
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
            default -> error.getMessage();
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
