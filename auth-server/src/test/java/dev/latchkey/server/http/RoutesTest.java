package dev.latchkey.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.latchkey.server.support.OneServerPerClass;
import dev.latchkey.server.support.TestServer.Response;

/**
 * No request gets a 5xx because of its path or method: an unknown path is 404, a known path asked with
 * another method is 405 with {@code Allow}; under {@code /api/} in the error shape, elsewhere plain text.
 */
class RoutesTest extends OneServerPerClass {
    /** Every route the server has, with the methods it takes. */
    static final Map<String, Set<String>> ROUTES = Map.ofEntries(
            Map.entry("/api/v1/password-resets", Set.of("POST")),
            Map.entry("/api/v1/password-resets/verify", Set.of("POST")),
            Map.entry("/api/v1/password-resets/complete", Set.of("POST")),
            Map.entry("/api/v1/sessions", Set.of("POST")),
            Map.entry("/api/v1/sessions/current", Set.of("DELETE")),
            Map.entry("/api/v1/me", Set.of("GET")),
            Map.entry("/api/v1/me/password", Set.of("POST")),
            Map.entry("/api/v1/password-policy", Set.of("GET")),
            Map.entry("/api/v1/helpdesk/users", Set.of("GET", "POST")),
            Map.entry("/api/v1/helpdesk/users/1/password-reset", Set.of("POST")),
            Map.entry("/api/v1/helpdesk/users/1/unlock", Set.of("POST")),
            Map.entry("/api/v1/helpdesk/audit", Set.of("GET")),
            Map.entry("/api/v1/helpdesk/cases", Set.of("GET")),
            Map.entry("/api/v1/helpdesk/cases/1", Set.of("GET")),
            Map.entry("/api/v1/helpdesk/cases/1/acknowledge", Set.of("POST")),
            Map.entry("/api/v1/helpdesk/cases/1/notes", Set.of("POST")),
            Map.entry("/api/v1/helpdesk/cases/1/resolve", Set.of("POST")),
            Map.entry("/api/v1/helpdesk/cases/1/release", Set.of("POST")),
            Map.entry("/api/v1/reports", Set.of("POST")),
            Map.entry("/api/v1/reports/verify", Set.of("POST")),
            Map.entry("/report", Set.of("GET")),
            Map.entry("/report/report.js", Set.of("GET")),
            Map.entry("/reset", Set.of("GET")),
            Map.entry("/reset/reset.css", Set.of("GET")),
            Map.entry("/reset/reset.js", Set.of("GET")),
            Map.entry("/favicon.ico", Set.of("GET")),
            Map.entry("/observe/health", Set.of("GET")));
    static final List<String> METHODS = List.of("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE");

    private static Response call(String method, String path) {
        HttpRequest.Builder request = server.request(path, "127.0.0.1", null)
                .header("Content-Type", "application/json")
                .method(method, method.equals("GET") || method.equals("HEAD") || method.equals("TRACE")
                        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString("{}"));
        return server.send(request);
    }

    @Test
    void everyRouteWithEveryMethodGetsItsAnswerOr405WithAllow() {
        ROUTES.forEach((path, allowed) -> {
            for (String method : METHODS) {
                Response response = call(method, path);
                assertThat(response.status()).as("%s %s", method, path).isLessThan(500);
                if (allowed.contains(method)) {
                    assertThat(response.status()).as("%s %s", method, path).isNotIn(404, 405);
                } else {
                    assertThat(response.status()).as("%s %s", method, path).isEqualTo(405);
                    assertThat(response.header("Allow")).as("Allow of %s %s", method, path)
                            .isEqualTo(String.join(", ", allowed.stream().sorted().toList()));
                    if (!method.equals("HEAD")) { // a HEAD answer has no body
                        assertShape(response, path, "method_not_allowed");
                    }
                }
            }
        });
    }

    @Test
    void probedPathsThatAnswered500NowGetTheirRefusal() {
        assertThat(call("GET", "/").status()).isEqualTo(404);
        assertThat(call("GET", "/robots.txt").status()).isEqualTo(404);
        assertThat(call("POST", "/reset").status()).isEqualTo(405);
        assertThat(call("PUT", "/observe/health").status()).isEqualTo(405);
        assertShape(call("GET", "/api/v2/nothing"), "/api/v2/nothing", "not_found");
        assertShape(call("GET", "/robots.txt"), "/robots.txt", "not_found");
    }

    /** Chromium asks for it on every page load and logged the 404 in the console each time. */
    @Test
    void faviconWhenAskedThenAnIconWithTheSecurityHeadersThatPagesLinkAndTheirPolicyAllows() {
        Response icon = call("GET", "/favicon.ico");
        assertThat(icon.status()).isEqualTo(200);
        assertThat(icon.header("Content-Type")).isEqualTo("image/x-icon");
        assertThat(icon.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(icon.header("Content-Security-Policy")).isEqualTo(SecurityHeaders.API_CSP);
        assertThat(icon.headers().allValues("Cache-Control")).containsExactly("public, max-age=86400");
        assertThat(icon.body()).startsWith("\0\0\1\0"); // an ICO file's header: reserved 0, type 1 (icon)
        for (String page : List.of("/reset", "/report")) {
            Response html = call("GET", page);
            assertThat(html.body()).as(page).contains("<link rel=\"icon\" href=\"/favicon.ico\">");
            assertThat(html.header("Content-Security-Policy")).as(page).contains("img-src 'self'");
        }
    }

    @Test
    void randomPathsGet404NeverA5xx() {
        Random random = new Random(20261122L);
        List<String> pieces = List.of("a", "z", "0", "9", "-", "_", ".", "~", "/", "%20", "%0a", "..", "v1", "me");
        for (int i = 0; i < 200; i++) {
            StringBuilder path = new StringBuilder(random.nextBoolean() ? "/api/v1/" : "/");
            int length = 1 + random.nextInt(12);
            for (int j = 0; j < length; j++) {
                path.append(pieces.get(random.nextInt(pieces.size())));
            }
            String p = path.toString();
            if (ROUTES.containsKey(p) || p.startsWith("/reset") || p.startsWith("/observe")) {
                continue;
            }
            String method = METHODS.get(random.nextInt(METHODS.size()));
            Response response = call(method, p);
            assertThat(response.status()).as("%s %s", method, p).isIn(400, 404, 405);
        }
    }

    /**
     * Requests Helidon cannot parse are answered before any route: 4xx (an illegal method answered 500
     * before), the security headers, and fixed words that echo nothing of the request.
     */
    @Test
    void unparseableRequestsGet4xxWithHeadersAndEchoNothing() {
        List<String> heads = List.of(
                "G@T /api/v1/me HTTP/1.1\r\nHost: 127.0.0.1",
                "GET /api/v1/me%zz HTTP/1.1\r\nHost: 127.0.0.1",
                "GET /api/v1/me HTTP/1.1\r\nHost: 127.0.0.1\r\nBad Header: echo-me",
                "GET /api/v1/me HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Long: " + "echo-me".repeat(3000),
                "GET /" + "echo-me".repeat(2000) + " HTTP/1.1\r\nHost: 127.0.0.1",
                "GET /api/v1/me HTTP/9.9\r\nHost: 127.0.0.1");
        for (String head : heads) {
            String answer = server.rawRequest(head, "");
            String shown = head.substring(0, Math.min(60, head.length()));
            assertThat(answer).as(shown).matches("HTTP/1\\.1 4\\d\\d (?s).*")
                    .containsIgnoringCase("Cache-Control: no-store")
                    .containsIgnoringCase("X-Content-Type-Options: nosniff")
                    .doesNotContain("echo-me").doesNotContain("Exception");
        }
    }

    private static void assertShape(Response response, String path, String code) {
        if (path.startsWith("/api/")) {
            assertThat(response.header("Content-Type")).startsWith("application/json");
            assertThat(response.json().get("error").asText()).isEqualTo(code);
            assertThat(response.json().get("message").asText()).isNotBlank();
        } else {
            assertThat(response.header("Content-Type")).startsWith("text/plain");
            assertThat(response.body()).doesNotContain("{").hasSizeLessThan(200);
        }
        assertThat(response.header("Cache-Control")).isEqualTo("no-store");
        assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
    }
}
