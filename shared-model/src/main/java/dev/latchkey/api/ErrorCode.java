package dev.latchkey.api;

/** The error codes of the API, as they appear in the {@code error} field of an {@link ErrorResponse}. */
public enum ErrorCode {
    INVALID_REQUEST("invalid_request", 400),
    INVALID_TOKEN("invalid_token", 400),
    INVALID_CREDENTIALS("invalid_credentials", 401),
    /** The account has a second factor and none was sent; at a reset's completion the answer is 400. */
    SECOND_FACTOR_REQUIRED("second_factor_required", 401),
    /** The code or recovery code sent is not right (or was used); at a reset's completion 400. */
    INVALID_SECOND_FACTOR("invalid_second_factor", 401),
    UNAUTHORIZED("unauthorized", 401),
    FORBIDDEN("forbidden", 403),
    /** A staff session whose account has no second factor yet: it must set one up first. */
    SECOND_FACTOR_SETUP_REQUIRED("second_factor_setup_required", 403),
    NOT_FOUND("not_found", 404),
    METHOD_NOT_ALLOWED("method_not_allowed", 405),
    CONFLICT("conflict", 409),
    PAYLOAD_TOO_LARGE("payload_too_large", 413),
    UNSUPPORTED_MEDIA_TYPE("unsupported_media_type", 415),
    MISDIRECTED_REQUEST("misdirected_request", 421),
    WEAK_PASSWORD("weak_password", 422),
    RATE_LIMITED("rate_limited", 429),
    INTERNAL_ERROR("internal_error", 500);

    private final String wireName;
    private final int status;

    ErrorCode(String wireName, int status) {
        this.wireName = wireName;
        this.status = status;
    }

    public String wireName() {
        return wireName;
    }

    public int status() {
        return status;
    }

    public static ErrorCode fromWireName(String name) {
        for (ErrorCode code : values()) {
            if (code.wireName.equals(name)) {
                return code;
            }
        }
        throw new IllegalArgumentException("Unknown error code: " + name);
    }
}
