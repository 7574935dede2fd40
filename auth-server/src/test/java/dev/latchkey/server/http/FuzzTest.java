package dev.latchkey.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.latchkey.api.Role;
import dev.latchkey.server.support.TestServer;
import dev.latchkey.server.support.TestServer.Response;

/**
 * Random input at every endpoint, as a signed-in administrator (so the help-desk code runs too):
 * never a 5xx, never a trace, a class name or SQL. Seeded, bounded, and quick.
 */
class FuzzTest {
    private static final List<String[]> ENDPOINTS = List.of(
            new String[] {"POST", "/api/v1/password-resets"},
            new String[] {"POST", "/api/v1/password-resets/verify"},
            new String[] {"POST", "/api/v1/password-resets/complete"},
            new String[] {"POST", "/api/v1/sessions"},
            new String[] {"DELETE", "/api/v1/sessions/current"},
            new String[] {"GET", "/api/v1/me"},
            new String[] {"POST", "/api/v1/me/password"},
            new String[] {"GET", "/api/v1/password-policy"},
            new String[] {"GET", "/api/v1/helpdesk/users?query=%s"},
            new String[] {"POST", "/api/v1/helpdesk/users"},
            new String[] {"POST", "/api/v1/helpdesk/users/%s/password-reset"},
            new String[] {"POST", "/api/v1/helpdesk/users/%s/unlock"},
            new String[] {"GET", "/api/v1/helpdesk/audit?userId=%s&limit=%s&before=%s"},
            new String[] {"POST", "/api/v1/reports"},
            new String[] {"POST", "/api/v1/reports/verify"},
            new String[] {"GET", "/api/v1/helpdesk/cases/%s"},
            new String[] {"POST", "/api/v1/helpdesk/cases/%s/notes"},
            new String[] {"POST", "/api/v1/helpdesk/cases/%s/release"});
    private static final List<String> FIELDS = List.of("email", "token", "newPassword", "password", "currentPassword",
            "displayName", "role", "reason", "text");
    private static final List<String> ODD = List.of("", " ", "null", "\\u0000", "\\ud800", "' OR 1=1 --", "%",
            "_", "\\\\", "\\\"", "<script>", "\\u202e", "\u00e9\u00e8", "\\ud83d\\ude00", "a@b", "@", "ADMIN",
            "x".repeat(300), "9".repeat(25), "-1", "0", "1e309");

    @TempDir
    Path dir;

    @Test
    void randomInputNeverGetsA5xxOrLeaksInternals() {
        // -Dfuzz.seed and -Dfuzz.runs explore further; the suite runs the same 400 cases every time.
        Random random = new Random(Long.getLong("fuzz.seed", 20261122L));
        int runs = Integer.getInteger("fuzz.runs", 400);
        try (TestServer server = TestServer.start(dir, Map.of("auth.rate-limit.enabled", "false"))) {
            server.addUser("root@example.com", "velvet tractor orbits quietly", Role.ADMIN);
            String session = server.signIn("root@example.com", "velvet tractor orbits quietly");
            for (int i = 0; i < runs; i++) {
                String[] endpoint = ENDPOINTS.get(random.nextInt(ENDPOINTS.size()));
                String path = String.format(endpoint[1], param(random), param(random), param(random));
                HttpRequest.Builder request = server.request(path, "127.0.0.1", random.nextInt(4) == 0 ? null : session);
                if (random.nextBoolean()) {
                    request.header("Content-Type", contentType(random));
                }
                request.method(endpoint[0], random.nextInt(5) == 0
                        ? HttpRequest.BodyPublishers.ofByteArray(bytes(random))
                        : HttpRequest.BodyPublishers.ofString(json(random), StandardCharsets.UTF_8));
                Response response = server.send(request);
                String what = endpoint[0] + " " + path + " -> " + response.status() + " " + response.body();
                assertThat(response.status()).as(what).isLessThan(500);
                assertThat(response.body()).as(what).doesNotContain("Exception").doesNotContain("\tat ")
                        .doesNotContain("dev.latchkey").doesNotContainIgnoringCase("select ")
                        .doesNotContainIgnoringCase("derby");
                // A fuzzed sign-out revokes the session: take a new one. (No fuzzed body can change the
                // password: none of its values passes the policy.)
                if (server.get("/api/v1/me", session).status() == 401) {
                    session = server.signIn("root@example.com", "velvet tractor orbits quietly");
                }
            }
        }
    }

    private static String param(Random random) {
        String raw = random.nextBoolean() ? Integer.toString(random.nextInt(5) - 1) : ODD.get(random.nextInt(ODD.size()));
        return URLEncoder.encode(raw.replace("\\\\", "\\").replace("\\u0000", "\u0000"), StandardCharsets.UTF_8);
    }

    private static String contentType(Random random) {
        return List.of("application/json", "application/json; charset=UTF-8", "application/json; charset=latin1",
                "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "*/*",
                "application/json;;;", "garbage").get(random.nextInt(9));
    }

    private static byte[] bytes(Random random) {
        byte[] bytes = new byte[random.nextInt(64)];
        random.nextBytes(bytes);
        return bytes;
    }

    private static String json(Random random) {
        StringBuilder body = new StringBuilder("{");
        int fields = random.nextInt(4);
        for (int f = 0; f < fields; f++) {
            if (f > 0) {
                body.append(',');
            }
            body.append('"').append(FIELDS.get(random.nextInt(FIELDS.size()))).append("\":").append(value(random, 0));
        }
        body.append('}');
        return switch (random.nextInt(8)) {
            case 0 -> body.substring(0, Math.max(0, body.length() - 1 - random.nextInt(3)));
            case 1 -> "[" + body + "]";
            case 2 -> value(random, 0);
            default -> body.toString();
        };
    }

    private static String value(Random random, int depth) {
        return switch (random.nextInt(depth > 1 ? 5 : 7)) {
            case 0 -> "null";
            case 1 -> Integer.toString(random.nextInt());
            case 2 -> random.nextBoolean() ? "true" : "false";
            case 3 -> "1.5e308";
            case 4 -> "\"" + ODD.get(random.nextInt(ODD.size())) + "\"";
            case 5 -> "[" + value(random, depth + 1) + "]";
            default -> "{\"k\":" + value(random, depth + 1) + "}";
        };
    }
}
