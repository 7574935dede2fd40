package dev.latchkey.server.http;

import java.nio.charset.StandardCharsets;

import io.helidon.http.DirectHandler;
import io.helidon.http.HeaderNames;
import io.helidon.http.ServerResponseHeaders;
import io.helidon.http.Status;
import io.helidon.webserver.http.DirectHandlers;

/**
 * The answers Helidon gives itself, before any route, to a request it cannot parse. By default a method
 * with an illegal character ("G@T") gets 500, another bad request echoes the offending bytes as a hex
 * dump, and none carries the security headers. Here a request that broke the protocol gets 400, every
 * answer a short fixed text and the headers every response carries.
 */
public final class TransportRefusals implements DirectHandler {
    private TransportRefusals() {
    }

    /** This handler for every kind of event. */
    public static DirectHandlers all() {
        DirectHandlers.Builder builder = DirectHandlers.builder();
        TransportRefusals handler = new TransportRefusals();
        for (EventType type : EventType.values()) {
            builder.addHandler(type, handler);
        }
        return builder.build();
    }

    @Override
    public TransportResponse handle(TransportRequest request, EventType type, Status status,
                                    ServerResponseHeaders headers, Throwable thrown, System.Logger logger) {
        // Helidon files a token it cannot parse (an illegal method, a bad header name) as an internal
        // error; the fault is the request's, and not worth a warning with a stack trace each time.
        if (status.code() >= 500 && causedBy(thrown, IllegalArgumentException.class)) {
            return respond(Status.BAD_REQUEST_400, headers);
        }
        if (status.code() >= 500) {
            logger.log(System.Logger.Level.WARNING, "Internal server error", thrown);
        }
        return respond(status, headers);
    }

    @Override
    public TransportResponse handle(TransportRequest request, EventType type, Status status,
                                    ServerResponseHeaders headers, Throwable thrown) {
        return handle(request, type, status, headers, thrown, System.getLogger(TransportRefusals.class.getName()));
    }

    @Override
    public TransportResponse handle(TransportRequest request, EventType type, Status status,
                                    ServerResponseHeaders headers, String message) {
        return respond(status, headers);
    }

    private static TransportResponse respond(Status status, ServerResponseHeaders headers) {
        SecurityHeaders.apply(headers);
        headers.set(HeaderNames.CONTENT_TYPE, "text/plain; charset=UTF-8");
        String text = switch (status.code()) {
            case 413 -> "The request is too large.";
            case 403 -> "This request is not allowed.";
            default -> status.code() >= 500 ? "Something went wrong on the server. Try again in a moment."
                    : "The request could not be understood.";
        };
        return TransportResponse.builder()
                .status(status)
                .headers(headers)
                .keepAlive(false)
                .entity((text + "\n").getBytes(StandardCharsets.UTF_8))
                .build();
    }

    private static boolean causedBy(Throwable thrown, Class<? extends Throwable> kind) {
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (kind.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
