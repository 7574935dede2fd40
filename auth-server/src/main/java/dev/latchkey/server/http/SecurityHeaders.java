package dev.latchkey.server.http;

import io.helidon.http.HeaderNames;
import io.helidon.http.ServerResponseHeaders;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import io.helidon.webserver.http.ServerResponse;

/**
 * The headers every response carries. The CSP is the strictest one (nothing may load); a page that
 * needs its own scripts and styles replaces it with its own strict policy.
 */
public final class SecurityHeaders implements Filter {
    public static final String API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    @Override
    public void filter(FilterChain chain, RoutingRequest request, RoutingResponse response) {
        apply(response);
        chain.proceed();
    }

    /** Also called by the error handler: Helidon resets a response's headers before handling an error. */
    static void apply(ServerResponse response) {
        apply(response.headers());
    }

    /** Also used for the answers Helidon gives before routing (see {@link TransportRefusals}). */
    static void apply(ServerResponseHeaders headers) {
        headers.set(HeaderNames.CACHE_CONTROL, "no-store");
        headers.set(HeaderNames.create("X-Content-Type-Options"), "nosniff");
        headers.set(HeaderNames.create("Referrer-Policy"), "no-referrer");
        headers.set(HeaderNames.create("X-Frame-Options"), "DENY");
        headers.set(HeaderNames.create("Content-Security-Policy"), API_CSP);
    }
}
