package dev.latchkey.server.http;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.BiConsumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.helidon.http.HeaderNames;
import io.helidon.http.HttpException;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import dev.latchkey.api.ErrorCode;
import dev.latchkey.api.ErrorResponse;
import dev.latchkey.server.i18n.Texts;

/**
 * The one place where exceptions become responses: under {@code /api/} in the contract's error shape,
 * elsewhere (the pages, health) as a short plain-text body. No client input ever yields a 5xx: Helidon's
 * own refusals (no route, a bad request) keep their 4xx status.
 */
public final class ErrorHandling {
    private static final Logger LOG = Logger.getLogger(ErrorHandling.class.getName());
    /** A quoted value in a driver's message is data (a stored value); quoted capitals are identifiers. */
    private static final Pattern QUOTED_DATA = Pattern.compile("'(?![A-Z0-9_.\"]*')[^']*'");

    private ErrorHandling() {
    }

    /** {@code refused}: told of every refusal before it is answered (to log or audit some). */
    public static void register(HttpRouting.Builder routing, BiConsumer<ServerRequest, ApiException> refused) {
        routing.error(ApiException.class, (request, response, e) -> {
            refused.accept(request, e);
            refusal(request, response, e);
        }).error(HttpException.class, ErrorHandling::httpRefusal)
                .error(Exception.class, ErrorHandling::failure);
    }

    /** For a known path asked with a method it does not take: 405 with {@code Allow}. */
    public static Handler allowOnly(Method... allowed) {
        String allow = Arrays.stream(allowed).map(Method::text).collect(Collectors.joining(", "));
        return (request, response) -> {
            response.header(HeaderNames.ALLOW, allow);
            send(request, response, ApiException.of(ErrorCode.METHOD_NOT_ALLOWED, "api.methodNotAllowed", allow));
        };
    }

    static void refusal(ServerRequest request, ServerResponse response, ApiException e) {
        SecurityHeaders.apply(request, response);
        if (e.retryAfterSeconds() > 0) {
            response.header(HeaderNames.RETRY_AFTER, Long.toString(e.retryAfterSeconds()));
        }
        send(request, response, e);
    }

    /** In the language the request asks for. */
    private static void send(ServerRequest request, ServerResponse response, ApiException e) {
        Locale language = Texts.of(request);
        if (isApi(request)) {
            JsonResponses.send(response, e.status(),
                    ErrorResponse.of(e.code(), e.message(language), e.details(language)));
        } else {
            response.status(Status.create(e.status()));
            response.header(HeaderNames.CONTENT_TYPE, "text/plain; charset=UTF-8");
            response.send((e.message(language) + "\n").getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Helidon's own refusals: no route for the path (404), a request it cannot parse (400), and so on. */
    private static void httpRefusal(ServerRequest request, ServerResponse response, HttpException e) {
        int status = e.status().code();
        if (status >= 500) {
            failure(request, response, e);
            return;
        }
        ApiException refusal = switch (status) {
            case 404 -> ApiException.notFound();
            case 413 -> ApiException.of(ErrorCode.PAYLOAD_TOO_LARGE, "api.tooLarge");
            case 415 -> ApiException.of(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "api.unsupportedType");
            default -> ApiException.invalidRequest("api.notUnderstood");
        };
        refusal(request, response, refusal);
    }

    private static void failure(ServerRequest request, ServerResponse response, Exception e) {
        // One line an operator can act on: what was asked and the root cause, with anything a client
        // sent escaped (no forged lines) and data values in driver messages left out. The trace at FINE.
        LOG.log(Level.WARNING, "Request " + LogText.clean(request.prologue().method().text()) + " "
                + LogText.clean(request.path().absolute().path()) + " failed: " + describe(e));
        LOG.log(Level.FINE, "Failure detail", e);
        SecurityHeaders.apply(request, response);
        send(request, response, ApiException.of(ErrorCode.INTERNAL_ERROR, "api.internalError"));
    }

    /** The exception's class, and its root cause's class, SQL state and message (values left out). */
    static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        StringBuilder text = new StringBuilder(e.getClass().getSimpleName());
        if (root != e) {
            text.append(", caused by ").append(root.getClass().getSimpleName());
        }
        if (root instanceof SQLException sql && sql.getSQLState() != null) {
            text.append(" (SQL state ").append(sql.getSQLState()).append(')');
        }
        if (root.getMessage() != null) {
            text.append(": ").append(QUOTED_DATA.matcher(root.getMessage()).replaceAll("'?'"));
        }
        return LogText.clean(text.toString());
    }

    private static boolean isApi(ServerRequest request) {
        String path = request.path().absolute().path();
        return path.equals("/api") || path.startsWith("/api/");
    }
}
