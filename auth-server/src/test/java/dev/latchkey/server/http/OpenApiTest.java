package dev.latchkey.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.helidon.http.Method;
import io.helidon.webserver.http.HttpService;

import org.junit.jupiter.api.Test;

import dev.latchkey.server.support.ApiDocument;
import dev.latchkey.server.support.OneServerPerClass;
import dev.latchkey.server.support.TestServer.Response;

/**
 * {@code GET /openapi} serves the API document, and the document has every route the server has and
 * none it has not.
 */
class OpenApiTest extends OneServerPerClass {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Response openApi(String accept) {
        HttpRequest.Builder request = server.request("/openapi", "127.0.0.1", null).GET();
        if (accept != null) {
            request.header("Accept", accept);
        }
        return server.send(request);
    }

    @Test
    void openApiWhenAskedThenServesTheDocumentAsYaml() throws Exception {
        Response response = openApi(null);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type")).startsWith("application/vnd.oai.openapi");
        JsonNode served = YAML.readTree(response.body());
        assertThat(served.get("openapi").asText()).isEqualTo("3.1.0");
        assertThat(served).isEqualTo(ApiDocument.get().root());
    }

    @Test
    void openApiWhenJsonAcceptedThenServesTheSameDocumentAsJson() throws Exception {
        Response response = openApi("application/json");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type")).startsWith("application/json");
        assertThat(JSON.readTree(response.body())).isEqualTo(ApiDocument.get().root());
    }

    @Test
    void openApiCarriesTheHeadersOfEveryResponse() {
        Response response = openApi(null);

        assertThat(response.header("Cache-Control")).isEqualTo("no-store");
        assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.header("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(response.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(response.header("Content-Security-Policy")).isEqualTo(SecurityHeaders.API_CSP);
    }

    @Test
    void openApiWhenHostNotAllowedThen421() {
        String answer = server.rawRequest("GET /openapi HTTP/1.1\r\nHost: rebound.example", "");

        assertThat(answer).startsWith("HTTP/1.1 421").doesNotContain("openapi:");
    }

    @Test
    void documentHasEveryRouteOfTheServer() {
        assertThat(undocumented(RouteRecorder.ofMain())).isEmpty();
    }

    @Test
    void documentWhenRouteMissingThenFails() {
        HttpService extra = rules -> rules.get("/extra/{id}", (req, res) -> res.send());

        Set<String> routes = RouteRecorder.of(routing -> routing.register("/api/v1", extra));

        assertThat(undocumented(routes)).containsExactly("GET /api/v1/extra/{id}");
    }

    /** The routes registered outside {@code Main.routing} (Helidon's features) are asked of the running server. */
    @Test
    void serverAnswersEveryOperationOfTheDocument() {
        Set<String> unanswered = new TreeSet<>();
        for (String operation : ApiDocument.get().operations()) {
            if (!answered(operation)) {
                unanswered.add(operation);
            }
        }
        assertThat(unanswered).isEmpty();
    }

    @Test
    void documentWhenOperationNotRoutedThenFails() {
        assertThat(answered("GET /api/v1/nothing")).isFalse();
        assertThat(answered("PUT /api/v1/me")).isFalse();
    }

    private static Set<String> undocumented(Set<String> routes) {
        Set<String> missing = new TreeSet<>(routes);
        missing.removeAll(ApiDocument.get().operations());
        return missing;
    }

    /** Whether the server routes the operation: any answer but 404 (no such path) or 405 (not that method). */
    private static boolean answered(String operation) {
        String method = operation.substring(0, operation.indexOf(' '));
        String path = operation.substring(method.length() + 1).replaceAll("\\{[^}/]+}", "1");
        HttpRequest.Builder request = server.request(path, "127.0.0.1", null);
        if (method.equals(Method.GET.text())) {
            request.GET();
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString("{}"));
        }
        int status = server.send(request).status();
        return status != 404 && status != 405;
    }
}
