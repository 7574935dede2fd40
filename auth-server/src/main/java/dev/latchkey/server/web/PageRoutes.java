package dev.latchkey.server.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerResponse;

import dev.latchkey.server.http.ErrorHandling;

/**
 * A static page an email links to ({@code GET /reset}, {@code GET /report}) with its own script and,
 * for the page that holds them, the style sheet and the script that loads the words ({@code i18n.js},
 * see {@link PageStrings}) both pages use ({@code /report} borrows the reset page's). Serving it reads
 * and changes nothing: only the page's script, in a browser, calls the API, so a mail scanner that
 * fetches the link does no harm.
 */
public final class PageRoutes implements HttpService {
    /** Only this origin's files; no inline script or style; never framed; forms post nowhere else. */
    public static final String PAGE_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self';"
            + " connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    private final String name;
    private final byte[] html;
    private final byte[] js;
    private final byte[] css;
    private final byte[] i18n;

    /**
     * The page {@code name}: {@code /web/name.html}, {@code name.js} and, when it {@code holdsShared},
     * {@code name.css} and {@code i18n.js}.
     */
    public PageRoutes(String name, boolean holdsShared) {
        this.name = name;
        this.html = resource(name + ".html");
        this.js = resource(name + ".js");
        this.css = holdsShared ? resource(name + ".css") : null;
        this.i18n = holdsShared ? resource("i18n.js") : null;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", (req, res) -> send(res, "text/html; charset=UTF-8", html))
                .any("/", ErrorHandling.allowOnly(Method.GET))
                .get("/" + name + ".js", (req, res) -> send(res, "text/javascript; charset=UTF-8", js))
                .any("/" + name + ".js", ErrorHandling.allowOnly(Method.GET));
        if (css != null) {
            rules.get("/" + name + ".css", (req, res) -> send(res, "text/css; charset=UTF-8", css))
                    .any("/" + name + ".css", ErrorHandling.allowOnly(Method.GET))
                    .get("/i18n.js", (req, res) -> send(res, "text/javascript; charset=UTF-8", i18n))
                    .any("/i18n.js", ErrorHandling.allowOnly(Method.GET));
        }
    }

    private static void send(ServerResponse res, String type, byte[] body) {
        res.header(HeaderNames.CONTENT_TYPE, type);
        res.header(HeaderNames.create("Content-Security-Policy"), PAGE_CSP);
        res.send(body);
    }

    static byte[] resource(String name) {
        try (InputStream in = PageRoutes.class.getResourceAsStream("/web/" + name)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource /web/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
