package dev.latchkey.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.latchkey.api.Role;
import dev.latchkey.server.support.TestServer;
import dev.latchkey.server.support.TestServer.Response;

/** Bad input gets the contract's 4xx in the one error shape: never a 5xx, a trace, a class name or SQL. */
class BadInputTest {
    @TempDir
    static Path dir;
    static TestServer server;
    static int ips;

    @BeforeAll
    static void start() {
        server = TestServer.start(dir, Map.of("auth.rate-limit.enabled", "false"));
        server.addUser("jane@example.com", "velvet tractor orbits quietly", Role.USER);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static Stream<Arguments> badBodies() {
        return Stream.of(
                Arguments.of("/api/v1/password-resets", "{\"email\":", 400, "invalid_request", null),
                Arguments.of("/api/v1/password-resets", "not json", 400, "invalid_request", null),
                Arguments.of("/api/v1/password-resets", "[\"jane@example.com\"]", 400, "invalid_request", null),
                Arguments.of("/api/v1/password-resets", "{}", 400, "invalid_request", "email"),
                Arguments.of("/api/v1/password-resets", "{\"email\":null}", 400, "invalid_request", "email"),
                Arguments.of("/api/v1/password-resets", "{\"email\":42}", 400, "invalid_request", "email"),
                Arguments.of("/api/v1/password-resets", "{\"email\":[\"a@b.c\"]}", 400, "invalid_request", "email"),
                Arguments.of("/api/v1/password-resets", "{\"email\":{\"$ne\":1}}", 400, "invalid_request", "email"),
                Arguments.of("/api/v1/password-resets", "{\"email\":\"a@b.c\"} trailing", 400, "invalid_request", null),
                Arguments.of("/api/v1/password-resets", "{\"email\":\"a@b.c\",\"email\":\"d@e.f\"}", 400,
                        "invalid_request", null),
                Arguments.of("/api/v1/password-resets", "{\"email\":\"no-at-sign\"}", 400, "invalid_request", "email"),
                Arguments.of("/api/v1/password-resets", "{\"email\":\"" + "a".repeat(250) + "@b.co\"}", 400,
                        "invalid_request", "email"),
                Arguments.of("/api/v1/password-resets", "{\"email\":\"\\ud800@example.com\"}", 400,
                        "invalid_request", "email"),
                Arguments.of("/api/v1/password-resets", "{\"email\":\"a\\u0000b@example.com\"}", 400,
                        "invalid_request", "email"),
                Arguments.of("/api/v1/password-resets", "{\"email\":\"x'; DROP TABLE app_user;--@example.com\"}", 400,
                        "invalid_request", "email"),
                Arguments.of("/api/v1/password-resets/verify", "{\"token\":7}", 400, "invalid_request", "token"),
                Arguments.of("/api/v1/password-resets/verify", "{\"token\":\"' OR 1=1 --\"}", 400, "invalid_token",
                        null),
                Arguments.of("/api/v1/password-resets/complete", "{\"token\":\"" + "A".repeat(64) + "\"}", 400,
                        "invalid_request", "newPassword"),
                Arguments.of("/api/v1/password-resets/complete", "{\"token\":\"" + "A".repeat(64)
                        + "\",\"newPassword\":true}", 400, "invalid_request", "newPassword"),
                Arguments.of("/api/v1/sessions", "{\"email\":\"jane@example.com\"}", 400, "invalid_request",
                        "password"),
                Arguments.of("/api/v1/sessions", "{\"email\":\"jane@example.com\",\"password\":[]}", 400,
                        "invalid_request", "password"),
                Arguments.of("/api/v1/sessions", "{\"email\":\"jane@example.com' OR '1'='1\",\"password\":\"x\"}", 400,
                        "invalid_request", "email"),
                Arguments.of("/api/v1/sessions", "{\"email\":\"jane'--@example.com\",\"password\":\"' OR ''='\"}", 401,
                        "invalid_credentials", null),
                Arguments.of("/api/v1/sessions", "{\"email\":\"\u202ejane@example.com\",\"password\":\"\ud83d\ude00\"}",
                        400, "invalid_request", "email"),
                Arguments.of("/api/v1/sessions", "{\"email\":\"jane@example.com\\u200b\",\"password\":\"x\"}",
                        400, "invalid_request", "email"));
    }

    @ParameterizedTest
    @MethodSource("badBodies")
    void badBodyGetsContract4xx(String path, String body, int status, String code, String field) {
        Response response = server.post(path, body, "203.0.113." + (++ips % 250), null);
        assertThat(response.status()).as(body).isEqualTo(status);
        assertErrorShape(response, code);
        if (field != null) {
            assertThat(response.json().get("message").asText()).contains("\"" + field + "\"");
        }
    }

    @Test
    void hugeBodyGets413() {
        Response response = server.post("/api/v1/password-resets", "{\"email\":\"" + "a".repeat(1024 * 1024) + "\"}");
        assertThat(response.status()).isEqualTo(413);
        assertErrorShape(response, "payload_too_large");
    }

    /** A body of exactly the limit is read; one byte more is 413, with or without a Content-Length. */
    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void bodyWhenAtTheLimitThenReadAndWhenOneByteOverThen413(boolean chunked) {
        String json = "{\"email\":\"limit@example.com\"}";
        String atLimit = json + " ".repeat(JsonBody.MAX_BYTES - json.length());
        assertThat(post(atLimit, chunked).status()).isEqualTo(202);
        Response over = post(atLimit + " ", chunked);
        assertThat(over.status()).isEqualTo(413);
        assertErrorShape(over, "payload_too_large");
        assertThat(post(json, chunked).status()).as("a small body").isEqualTo(202);
    }

    private static Response post(String body, boolean chunked) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return server.send(server.request("/api/v1/password-resets", "127.0.0.1", null)
                .header("Content-Type", "application/json")
                .POST(chunked ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes))
                        : HttpRequest.BodyPublishers.ofByteArray(bytes)));
    }

    @Test
    void wrongContentTypeGets415() {
        Response text = server.send(server.request("/api/v1/password-resets", "127.0.0.1", null)
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"jane@example.com\"}")));
        assertThat(text.status()).isEqualTo(415);
        assertErrorShape(text, "unsupported_media_type");
        Response latin1 = server.send(server.request("/api/v1/sessions", "127.0.0.1", null)
                .header("Content-Type", "application/json; charset=ISO-8859-1")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(latin1.status()).isEqualTo(415);
        for (String garbage : List.of("garbage", "/", "application/", "json")) {
            Response odd = server.send(server.request("/api/v1/sessions", "127.0.0.1", null)
                    .header("Content-Type", garbage)
                    .POST(HttpRequest.BodyPublishers.ofString("{}")));
            assertThat(odd.status()).as(garbage).isEqualTo(415);
        }
    }

    @Test
    void invalidUtf8Gets400() {
        byte[] body = {'{', '"', 'e', 'm', 'a', 'i', 'l', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
        Response response = server.send(server.request("/api/v1/password-resets", "127.0.0.1", null)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
        assertThat(response.status()).isEqualTo(400);
        assertErrorShape(response, "invalid_request");
    }

    /**
     * Each reads like an address that has an account (or like one that has none): refused as input, the
     * same for both, so the refusal tells nothing of the account.
     */
    @ParameterizedTest
    @ValueSource(strings = {"jane@example.com\\u200b", "ja\\u2060ne@example.com", "\\u202ajane@example.com\\u202c",
            "jane\\u202e@example.com", "jane@\\u2066example.com\\u2069", "ja\\u00adne@example.com",
            "\\ufeffjane@example.com", "nobody@example.com\\u200b", "nobody\\u2067@example.com"})
    void resetRequestWhenInvisibleOrBidiCharacterThen400NamingTheFieldKnownOrNot(String email) {
        Response response = server.post("/api/v1/password-resets", "{\"email\":\"" + email + "\"}",
                "203.0.113." + (++ips % 250), null);
        assertThat(response.status()).as(email).isEqualTo(400);
        assertErrorShape(response, "invalid_request");
        assertThat(response.json().get("message").asText()).contains("\"email\"");
    }

    @Test
    void oddButValidUnicodeEmailIsAccepted() {
        for (String email : List.of("zoë@exämple.org", "o'brien+tag@example.com", "\ud83d\ude00@example.com")) {
            assertThat(server.post("/api/v1/password-resets", "{\"email\":\"" + email + "\"}").status()).as(email)
                    .isEqualTo(202);
        }
    }

    @Test
    void unknownApiPathGets404InErrorShape() {
        Response response = server.get("/api/v1/nothing-here", null);
        assertThat(response.status()).isEqualTo(404);
        assertErrorShape(response, "not_found");
    }

    @Test
    void everyResponseCarriesSecurityHeaders() {
        for (Response response : List.of(server.get("/api/v1/password-policy", null), server.get("/api/v1/me", null),
                server.post("/api/v1/password-resets", "{"), server.get("/observe/health", null))) {
            assertThat(response.headers().allValues("Cache-Control")).contains("no-store");
            assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(response.header("Referrer-Policy")).isEqualTo("no-referrer");
            assertThat(response.header("X-Frame-Options")).isEqualTo("DENY");
            assertThat(response.header("Content-Security-Policy")).contains("frame-ancestors 'none'");
        }
    }

    @Test
    void healthReportsTheDatabase() {
        Response health = server.get("/observe/health", null);
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"").contains("derby");
    }

    static void assertErrorShape(Response response, String code) {
        JsonNode json = response.json();
        assertThat(json.get("error").asText()).isEqualTo(code);
        assertThat(json.get("message").asText()).isNotBlank();
        assertThat(response.header("Content-Type")).startsWith("application/json");
        assertThat(response.body()).doesNotContainIgnoringCase("exception").doesNotContain("at dev.")
                .doesNotContainIgnoringCase("select ").doesNotContainIgnoringCase("insert ")
                .doesNotContain("java.").doesNotContain("Derby");
    }
}
