package dev.latchkey.desktop.client;

import java.util.List;

import dev.latchkey.api.ErrorCode;

/**
 * A call that did not succeed, typed: the server's error code (or {@link Kind#UNREACHABLE} when no
 * answer came), its plain-words message, the detail lines and, for 429, the seconds to wait.
 */
public final class ApiError extends Exception {
    public enum Kind {
        UNREACHABLE,
        /** An HTTPS server whose certificate no trusted authority signed, or not for its name. */
        UNTRUSTED_SERVER,
        INVALID_REQUEST,
        INVALID_TOKEN,
        INVALID_CREDENTIALS,
        /** The account has a second factor, and the request sent none. */
        SECOND_FACTOR_REQUIRED,
        /** The code or recovery code sent is not right, or was used. */
        INVALID_SECOND_FACTOR,
        UNAUTHORIZED,
        FORBIDDEN,
        /** Staff without a second factor: set one up before the help desk answers. */
        SECOND_FACTOR_SETUP_REQUIRED,
        NOT_FOUND,
        CONFLICT,
        WEAK_PASSWORD,
        RATE_LIMITED,
        SERVER_ERROR
    }

    private final Kind kind;
    private final List<String> details;
    private final long retryAfterSeconds;

    public ApiError(Kind kind, String message, List<String> details, long retryAfterSeconds) {
        super(message, null, false, false);
        this.kind = kind;
        this.details = details == null ? List.of() : List.copyOf(details);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    static Kind kindOf(ErrorCode code) {
        return switch (code) {
            case INVALID_REQUEST, PAYLOAD_TOO_LARGE, UNSUPPORTED_MEDIA_TYPE, METHOD_NOT_ALLOWED, MISDIRECTED_REQUEST ->
                    Kind.INVALID_REQUEST;
            case INVALID_TOKEN -> Kind.INVALID_TOKEN;
            case INVALID_CREDENTIALS -> Kind.INVALID_CREDENTIALS;
            case SECOND_FACTOR_REQUIRED -> Kind.SECOND_FACTOR_REQUIRED;
            case INVALID_SECOND_FACTOR -> Kind.INVALID_SECOND_FACTOR;
            case UNAUTHORIZED -> Kind.UNAUTHORIZED;
            case FORBIDDEN -> Kind.FORBIDDEN;
            case SECOND_FACTOR_SETUP_REQUIRED -> Kind.SECOND_FACTOR_SETUP_REQUIRED;
            case NOT_FOUND -> Kind.NOT_FOUND;
            case CONFLICT -> Kind.CONFLICT;
            case WEAK_PASSWORD -> Kind.WEAK_PASSWORD;
            case RATE_LIMITED -> Kind.RATE_LIMITED;
            case INTERNAL_ERROR -> Kind.SERVER_ERROR;
        };
    }

    public Kind kind() {
        return kind;
    }

    public List<String> details() {
        return details;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
