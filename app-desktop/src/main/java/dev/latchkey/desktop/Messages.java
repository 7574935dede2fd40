package dev.latchkey.desktop;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

import dev.latchkey.desktop.client.ApiError;

/** The user-facing strings (one resource bundle), and the one place errors become plain words. */
public final class Messages {
    public static final String BUNDLE = "dev.latchkey.desktop.messages";

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

    public String get(String key, Object... args) {
        String pattern = bundle.getString(key);
        return args.length == 0 ? pattern : MessageFormat.format(pattern, args);
    }

    /** What went wrong, in words a person can act on. Never a stack trace. */
    public String describe(Exception e) {
        if (!(e instanceof ApiError error)) {
            return get("error.unexpected");
        }
        return switch (error.kind()) {
            case UNREACHABLE -> get("error.unreachable");
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
