package dev.latchkey.server.http;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import dev.latchkey.api.ErrorCode;
import dev.latchkey.i18n.Languages;
import dev.latchkey.server.i18n.Texts;

/**
 * A refusal the client should see, with the contract's error code and plain words in the client's
 * language (a {@link Texts} key and its arguments, put into words when the answer is sent). Thrown
 * anywhere, turned into a response once, by {@link ErrorHandling}. No stack trace: these are expected
 * outcomes. {@link #getMessage()} is the English text, for logs and tests.
 */
public final class ApiException extends RuntimeException {
    private final ErrorCode code;
    private final String key;
    private final Object[] args;
    private final Function<Locale, List<String>> details;
    private final long retryAfterSeconds;
    private final int status;

    private ApiException(ErrorCode code, String key, Object[] args, Function<Locale, List<String>> details,
                         long retryAfterSeconds) {
        this(code, code.status(), key, args, details, retryAfterSeconds);
    }

    private ApiException(ErrorCode code, int status, String key, Object[] args,
                         Function<Locale, List<String>> details, long retryAfterSeconds) {
        super(Texts.get(Languages.ENGLISH, key, args), null, false, false);
        this.code = code;
        this.status = status;
        this.key = key;
        this.args = args.clone();
        this.details = details;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** {@code key}: a {@code api.} key of {@link Texts}. */
    public static ApiException of(ErrorCode code, String key, Object... args) {
        return new ApiException(code, key, args, language -> List.of(), 0);
    }

    /** What an address with nothing at it answers. */
    public static ApiException notFound() {
        return of(ErrorCode.NOT_FOUND, "api.notFound");
    }

    public static ApiException invalidRequest(String key, Object... args) {
        return of(ErrorCode.INVALID_REQUEST, key, args);
    }

    public static ApiException invalidToken() {
        return of(ErrorCode.INVALID_TOKEN, "api.invalidToken");
    }

    /** {@code failures}: one line per broken rule, in the language asked for. */
    public static ApiException weakPassword(Function<Locale, List<String>> failures) {
        return new ApiException(ErrorCode.WEAK_PASSWORD, "api.weakPassword", new Object[0], failures, 0);
    }

    public static ApiException unauthorized() {
        return of(ErrorCode.UNAUTHORIZED, "api.unauthorized");
    }

    /** The wait in whole seconds below a minute, else in minutes rounded up. */
    public static ApiException rateLimited(long retryAfterSeconds) {
        boolean seconds = retryAfterSeconds < 60;
        return new ApiException(ErrorCode.RATE_LIMITED, seconds ? "api.rateLimited.seconds" : "api.rateLimited.minutes",
                new Object[] {seconds ? retryAfterSeconds : (retryAfterSeconds + 59) / 60}, language -> List.of(),
                retryAfterSeconds);
    }

    /**
     * This refusal with another status than its code's usual one: a second factor missing from a reset's
     * completion is a 400, as everything wrong with that request body is, where at sign-in it is a 401.
     */
    public ApiException withStatus(int otherStatus) {
        return new ApiException(code, otherStatus, key, args, details, retryAfterSeconds);
    }

    public ErrorCode code() {
        return code;
    }

    /** The HTTP status the refusal is sent with. */
    public int status() {
        return status;
    }

    public String message(Locale language) {
        return Texts.get(language, key, args);
    }

    public List<String> details(Locale language) {
        return details.apply(language);
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
