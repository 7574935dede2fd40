package dev.latchkey.server.http;

import java.util.List;

import dev.latchkey.api.ErrorCode;

/**
 * A refusal the client should see, with the contract's error code and plain words. Thrown anywhere,
 * turned into a response once, by {@link ErrorHandling}. No stack trace: these are expected outcomes.
 */
public final class ApiException extends RuntimeException {
    private final ErrorCode code;
    private final List<String> details;
    private final long retryAfterSeconds;

    private ApiException(ErrorCode code, String message, List<String> details, long retryAfterSeconds) {
        super(message, null, false, false);
        this.code = code;
        this.details = List.copyOf(details);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public static ApiException of(ErrorCode code, String message) {
        return new ApiException(code, message, List.of(), 0);
    }

    /** What an address with nothing at it answers. */
    public static ApiException notFound() {
        return of(ErrorCode.NOT_FOUND, "There is nothing at this address.");
    }

    public static ApiException invalidRequest(String message) {
        return of(ErrorCode.INVALID_REQUEST, message);
    }

    public static ApiException invalidToken() {
        return of(ErrorCode.INVALID_TOKEN,
                "This reset link or code is not valid: it may have expired, been used already, or been replaced"
                        + " by a newer one. Ask for a new one.");
    }

    public static ApiException weakPassword(List<String> failures) {
        return new ApiException(ErrorCode.WEAK_PASSWORD, "The new password does not meet the password rules.",
                failures, 0);
    }

    public static ApiException unauthorized() {
        return of(ErrorCode.UNAUTHORIZED, "Sign in first: the session is missing, expired or signed out.");
    }

    public static ApiException rateLimited(long retryAfterSeconds) {
        return new ApiException(ErrorCode.RATE_LIMITED,
                "Too many attempts. Try again in " + humanSeconds(retryAfterSeconds) + ".", List.of(),
                retryAfterSeconds);
    }

    public ErrorCode code() {
        return code;
    }

    public List<String> details() {
        return details;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    private static String humanSeconds(long seconds) {
        if (seconds < 60) {
            return seconds == 1 ? "1 second" : seconds + " seconds";
        }
        long minutes = (seconds + 59) / 60;
        return minutes == 1 ? "1 minute" : minutes + " minutes";
    }
}
