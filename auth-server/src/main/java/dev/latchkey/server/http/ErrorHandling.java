package dev.latchkey.server.http;

import java.util.logging.Level;
import java.util.logging.Logger;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import dev.latchkey.api.ErrorCode;
import dev.latchkey.api.ErrorResponse;

/** The one place where exceptions become responses in the contract's error shape. */
public final class ErrorHandling {
    private static final Logger LOG = Logger.getLogger(ErrorHandling.class.getName());

    private ErrorHandling() {
    }

    public static void register(HttpRouting.Builder routing) {
        routing.error(ApiException.class, ErrorHandling::refusal)
                .error(Exception.class, ErrorHandling::failure);
    }

    /** For paths under the API that no route takes. */
    public static void notFound(ServerRequest request, ServerResponse response) {
        refusal(request, response, ApiException.of(ErrorCode.NOT_FOUND, "There is nothing at this address."));
    }

    private static void refusal(ServerRequest request, ServerResponse response, ApiException e) {
        SecurityHeaders.apply(response);
        if (e.retryAfterSeconds() > 0) {
            response.header(HeaderNames.RETRY_AFTER, Long.toString(e.retryAfterSeconds()));
        }
        JsonResponses.send(response, e.code().status(), ErrorResponse.of(e.code(), e.getMessage(), e.details()));
    }

    private static void failure(ServerRequest request, ServerResponse response, Exception e) {
        // Logged by class and message only at WARNING; the trace at FINE. Neither holds request secrets,
        // because no code path puts a token or password into an exception message.
        LOG.log(Level.WARNING, "Request " + request.prologue().method().text() + " "
                + request.path().absolute().path() + " failed: " + e.getClass().getSimpleName());
        LOG.log(Level.FINE, "Failure detail", e);
        SecurityHeaders.apply(response);
        JsonResponses.send(response, 500, ErrorResponse.of(ErrorCode.INTERNAL_ERROR,
                "Something went wrong on the server. Try again in a moment.", null));
    }
}
