package dev.latchkey.server.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerResponse;

import dev.latchkey.api.ErrorResponse;

/**
 * Writes records as JSON bodies. Every field the contract names is written, null or not; only the
 * error shape's optional {@code details} is left out when there are none.
 */
public final class JsonResponses {
    private static final ObjectMapper WRITER = new ObjectMapper()
            .addMixIn(ErrorResponse.class, OptionalDetails.class);

    @JsonInclude(JsonInclude.Include.NON_NULL)
    private abstract static class OptionalDetails {
    }

    private JsonResponses() {
    }

    public static void send(ServerResponse response, int status, Object body) {
        byte[] bytes;
        try {
            bytes = WRITER.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a response body of " + body.getClass().getSimpleName(), e);
        }
        response.status(Status.create(status));
        response.header(HeaderNames.CONTENT_TYPE, "application/json; charset=UTF-8");
        response.send(bytes);
    }
}
