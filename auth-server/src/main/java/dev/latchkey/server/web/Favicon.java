package dev.latchkey.server.web;

import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;

import dev.latchkey.server.http.ErrorHandling;

/**
 * {@code GET /favicon.ico}: browsers ask for it on every page, and a 404 there is an error in the
 * console of each. The same bytes for everyone, so, unlike every other answer, it may be cached.
 */
public final class Favicon implements HttpService {
    public static final String PATH = "/favicon.ico";
    private static final String CACHE_FOR_A_DAY = "public, max-age=86400";

    private final byte[] icon = PageRoutes.resource("favicon.ico");

    @Override
    public void routing(HttpRules rules) {
        rules.get(PATH, (req, res) -> {
            res.header(HeaderNames.CONTENT_TYPE, "image/x-icon");
            res.header(HeaderNames.CACHE_CONTROL, CACHE_FOR_A_DAY);
            res.send(icon);
        }).any(PATH, ErrorHandling.allowOnly(Method.GET));
    }
}
