package dev.latchkey.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpHeaders;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.latchkey.server.support.ApiDocument;
import dev.latchkey.server.support.TestServer.Exchange;
import dev.latchkey.server.support.TestServer.Response;

/** The check the contract tests' exchanges go through ({@link ApiDocument}) catches what it is for. */
class ApiDocumentTest {
    private static final String SESSION = """
            {"token":"q3Yc0m4rS1kX8bA2vN7pL5tD9wE6fH1jK0zU4iO2gRy","expiresAt":"2026-03-02T00:00:00.123456Z",
             "user":{"id":7,"email":"jane@example.com","displayName":"Jane","role":"USER"},
             "secondFactorSetupRequired":false}""";
    private static final String SIGN_IN = "{\"email\":\"jane@example.com\",\"password\":\"secret\"}";

    private static Exchange exchange(String method, String path, String request, int status, String body) {
        HttpHeaders headers = HttpHeaders.of(body.isEmpty() ? Map.of()
                : Map.of("Content-Type", List.of("application/json; charset=UTF-8")), (name, value) -> true);
        return new Exchange(method, path, request, new Response(status, body, headers));
    }

    private static List<String> problems(Exchange exchange) {
        return ApiDocument.get().problems(exchange);
    }

    @Test
    void exchangeWhenAsDocumentedThenPasses() {
        assertThat(problems(exchange("POST", "/api/v1/sessions", SIGN_IN, 201, SESSION))).isEmpty();
        assertThat(problems(exchange("POST", "/api/v1/helpdesk/users/12/unlock", "", 204, ""))).isEmpty();
    }

    @Test
    void exchangeWhenResponseFieldRenamedThenFails() {
        String renamed = SESSION.replace("\"expiresAt\"", "\"expires\"");

        assertThat(problems(exchange("POST", "/api/v1/sessions", SIGN_IN, 201, renamed)))
                .singleElement().asString().contains("expires");
    }

    @Test
    void exchangeWhenResponseFieldHasWrongTypeOrFormatThenFails() {
        assertThat(problems(exchange("POST", "/api/v1/sessions", SIGN_IN, 201, SESSION.replace("\"id\":7", "\"id\":\"7\""))))
                .hasSize(1);
        assertThat(problems(exchange("POST", "/api/v1/sessions", SIGN_IN, 201,
                SESSION.replace("2026-03-02T00:00:00.123456Z", "tomorrow")))).hasSize(1);
    }

    @Test
    void exchangeWhenStatusUndocumentedThenFails() {
        String error = "{\"error\":\"conflict\",\"message\":\"No.\"}";

        assertThat(problems(exchange("GET", "/api/v1/me", "", 409, error)))
                .singleElement().asString().contains("status not in the document");
    }

    @Test
    void exchangeWhenErrorCodeIsNotTheStatusOnesThenFails() {
        String error = "{\"error\":\"forbidden\",\"message\":\"No.\"}";

        assertThat(problems(exchange("GET", "/api/v1/me", "", 401, error))).hasSize(1);
    }

    @Test
    void exchangeWhenAcceptedRequestBreaksItsSchemaThenFails() {
        String noPassword = "{\"email\":\"jane@example.com\"}";

        assertThat(problems(exchange("POST", "/api/v1/sessions", noPassword, 201, SESSION)))
                .singleElement().asString().contains("request");
        assertThat(problems(exchange("POST", "/api/v1/sessions", noPassword, 400,
                "{\"error\":\"invalid_request\",\"message\":\"The field \\\"password\\\" is required.\"}"))).isEmpty();
    }

    @Test
    void exchangeWhenBodyWhereNoneDocumentedThenFails() {
        assertThat(problems(exchange("DELETE", "/api/v1/sessions/current", "", 204, "{}"))).hasSize(1);
    }

    @Test
    void exchangesWhenAnyBreaksTheDocumentThenAssertConformFails() {
        Exchange good = exchange("POST", "/api/v1/sessions", SIGN_IN, 201, SESSION);
        Exchange bad = exchange("GET", "/api/v1/me", "", 418, "{}");

        assertThatThrownBy(() -> ApiDocument.get().assertConform(List.of(good, bad)))
                .isInstanceOf(AssertionError.class).hasMessageContaining("GET /api/v1/me -> 418");
    }
}
