package dev.latchkey.api;

import java.util.List;

/** The one shape of every error the API returns; {@code details} is null when there are none. */
public record ErrorResponse(String error, String message, List<String> details) {
    public static ErrorResponse of(ErrorCode code, String message, List<String> details) {
        return new ErrorResponse(code.wireName(), message, details == null || details.isEmpty() ? null : List.copyOf(details));
    }
}
