package dev.latchkey.server.http;

import io.helidon.http.HeaderNames;
import io.helidon.http.ServerResponseHeaders;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * The headers every response carries. The CSP is the strictest one (nothing may load); a page that
 * needs its own scripts and styles replaces it with its own strict policy.
 */
public final class SecurityHeaders implements Filter {
    public static final String API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    /**
     * Over TLS, browsers are told to come back only over TLS for a year. Not {@code includeSubDomains}:
     * the server cannot know whether every other name under its domain speaks TLS. Behind a proxy that
     * ends TLS, the proxy sends it (the request reaching the server is plain).
     */
    static final String HSTS = "max-age=31536000";

    @Override
    public void filter(FilterChain chain, RoutingRequest request, RoutingResponse response) {
        apply(request, response);
        chain.proceed();
    }

    /** Also called by the error handler: Helidon resets a response's headers before handling an error. */
    static void apply(ServerRequest request, ServerResponse response) {
        apply(response.headers());
        if (request.isSecure()) {
            response.headers().set(HeaderNames.STRICT_TRANSPORT_SECURITY, HSTS);
        }
    }

    /** Also used for the answers Helidon gives before routing (see {@link TransportRefusals}). */
    static void apply(ServerResponseHeaders headers) {
        headers.set(HeaderNames.CACHE_CONTROL, "no-store");
        // The words of every answer follow Accept-Language (Texts).
        headers.set(HeaderNames.VARY, HeaderNames.ACCEPT_LANGUAGE.defaultCase());
        headers.set(HeaderNames.create("X-Content-Type-Options"), "nosniff");
        headers.set(HeaderNames.create("Referrer-Policy"), "no-referrer");
        headers.set(HeaderNames.create("X-Frame-Options"), "DENY");
        headers.set(HeaderNames.create("Content-Security-Policy"), API_CSP);
    }
}
