package dev.latchkey.server.helpdesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.latchkey.api.Role;
import dev.latchkey.server.support.Mail;
import dev.latchkey.server.support.OneServerPerClass;
import dev.latchkey.server.support.TestServer.Response;
import dev.latchkey.server.support.TestServer;
import dev.latchkey.server.user.Users;

class HelpdeskTest extends OneServerPerClass {
    static final String PASSWORD = "velvet tractor orbits quietly";
    static final String NEW = "marble canyon whistles softly";

    static String admin;
    static String helpdesk;
    static String user;

    @BeforeAll
    static void addUsers() {
        server.addUser("root@example.com", PASSWORD, Role.ADMIN);
        server.addUser("desk@example.com", PASSWORD, Role.HELPDESK);
        server.addUser("plain@example.com", PASSWORD, Role.USER);
    }

    /** Fresh sessions for every test: one test moves the clock past a session's lifetime. */
    @BeforeEach
    void signIn() {
        admin = server.signIn("root@example.com", PASSWORD);
        helpdesk = server.signIn("desk@example.com", PASSWORD);
        user = server.signIn("plain@example.com", PASSWORD);
    }

    static Stream<Arguments> endpoints() {
        return Stream.of(
                Arguments.of("GET", "/api/v1/helpdesk/users?query=a", null),
                Arguments.of("POST", "/api/v1/helpdesk/users",
                        "{\"email\":\"x@example.com\",\"displayName\":\"X\",\"role\":\"USER\"}"),
                Arguments.of("POST", "/api/v1/helpdesk/users/1/password-reset", "{\"reason\":\"asked by phone\"}"),
                Arguments.of("POST", "/api/v1/helpdesk/users/1/unlock", null),
                Arguments.of("DELETE", "/api/v1/helpdesk/users/1/sessions", null),
                Arguments.of("GET", "/api/v1/helpdesk/audit?limit=5", null));
    }

    private static Response call(String method, String path, String body, String session) {
        HttpRequest.Builder request = server.request(path, "127.0.0.1", session);
        if (body != null) {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return server.send(request);
    }

    @ParameterizedTest
    @MethodSource("endpoints")
    void everyEndpointWhenNoSessionThen401AndWhenUserThen403(String method, String path, String body) {
        Response anonymous = call(method, path, body, null);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.json().get("error").asText()).isEqualTo("unauthorized");
        Response plain = call(method, path, body, user);
        assertThat(plain.status()).isEqualTo(403);
        assertThat(plain.json().get("error").asText()).isEqualTo("forbidden");
    }

    private static long idOf(String email) {
        JsonNode found = server.get("/api/v1/helpdesk/users?query=" + email, helpdesk).json();
        for (JsonNode node : found) {
            if (node.get("email").asText().equals(email)) {
                return node.get("id").asLong();
            }
        }
        throw new AssertionError("No user " + email);
    }

    private static Response startReset(long id, String reason, String session) {
        return call("POST", "/api/v1/helpdesk/users/" + id + "/password-reset",
                reason == null ? "{}" : "{\"reason\":\"" + reason + "\"}", session);
    }

    @Test
    void searchFindsByAddressOrNameAndShowsNoSecret() {
        String email = server.newUser("findme", PASSWORD);
        Response byEmail = server.get("/api/v1/helpdesk/users?query=FINDME", helpdesk);
        assertThat(byEmail.status()).isEqualTo(200);
        JsonNode first = byEmail.json().get(0);
        assertThat(first.get("email").asText()).isEqualTo(email);
        assertThat(first.get("role").asText()).isEqualTo("USER");
        assertThat(first.get("locked").asBoolean()).isFalse();
        assertThat(Instant.parse(first.get("passwordChangedAt").textValue())).isNotNull();
        assertThat(byEmail.body()).doesNotContain("argon2").doesNotContain("password_hash");
        assertThat(server.get("/api/v1/helpdesk/users?query=%25", helpdesk).json()).as("% matches itself").isEmpty();
        // By the name alone: an address that does not contain it.
        new Users().create(server.db().execute(), "q.tarantino@example.com", "Quentin Nightingale", Role.USER, null,
                server.clock.instant());
        JsonNode byName = server.get("/api/v1/helpdesk/users?query=nightingale", helpdesk).json();
        assertThat(byName).hasSize(1);
        assertThat(byName.get(0).get("email").asText()).isEqualTo("q.tarantino@example.com");
        assertThat(server.get("/api/v1/helpdesk/users?query=" + "x".repeat(255), helpdesk).status()).isEqualTo(400);
    }

    @Test
    void staffResetEmailsTheUserNamingTheStaffNotTheReasonAndSupersedesOlderTokens() throws Exception {
        String email = server.newUser("helped", PASSWORD);
        String older = server.requestToken(email);
        Response started = startReset(idOf(email), "Called from the front desk, ID checked", helpdesk);
        assertThat(started.status()).isEqualTo(202);
        assertThat(started.body()).isEmpty();
        List<MimeMessage> messages = server.messagesTo(email);
        MimeMessage last = messages.get(messages.size() - 1);
        String text = Mail.text(last);
        assertThat(text).contains("help desk, desk,").doesNotContain("front desk").contains("/reset#token=");
        String token = TestServer.tokenIn(text);
        assertThat(server.post("/api/v1/password-resets/verify", "{\"token\":\"" + older + "\"}").status())
                .as("older token superseded").isEqualTo(400);
        assertThat(server.post("/api/v1/password-resets/complete",
                "{\"token\":\"" + token + "\",\"newPassword\":\"" + NEW + "\"}").status()).isEqualTo(200);

        JsonNode trail = server.get("/api/v1/helpdesk/audit?userId=" + idOf(email), helpdesk).json();
        JsonNode started0 = TestServer.auditEntry(trail, "HELPDESK_RESET_STARTED");
        assertThat(started0.get("actor").asText()).isEqualTo("desk@example.com");
        assertThat(started0.get("detail").asText()).contains("Called from the front desk, ID checked");
        assertThat(started0.get("delivery").get("status").asText()).isEqualTo("SENT");
        assertThat(trail.toString()).doesNotContain(token).doesNotContain(older);
    }

    @Test
    void staffResetNeedsAReasonOfOneTo500Characters() {
        long id = idOf(server.newUser("reasons", PASSWORD));
        assertThat(startReset(id, null, helpdesk).status()).isEqualTo(400);
        assertThat(startReset(id, "", helpdesk).status()).isEqualTo(400);
        assertThat(startReset(id, "   ", helpdesk).status()).isEqualTo(400);
        assertThat(startReset(id, "x".repeat(501), helpdesk).json().get("message").asText()).contains("\"reason\"");
        assertThat(startReset(id, "x".repeat(500), helpdesk).status()).isEqualTo(202);
        assertThat(startReset(999_999, "why not", helpdesk).status()).isEqualTo(404);
        assertThat(call("POST", "/api/v1/helpdesk/users/abc/password-reset", "{\"reason\":\"r\"}", helpdesk).status())
                .isEqualTo(404);
    }

    @Test
    void helpdeskCannotResetOrUnlockAnAdministratorButAnAdminCan() {
        long root = idOf("root@example.com");
        assertThat(startReset(root, "test", helpdesk).status()).isEqualTo(403);
        assertThat(call("POST", "/api/v1/helpdesk/users/" + root + "/unlock", null, helpdesk).status()).isEqualTo(403);
        server.addUser("root2@example.com", PASSWORD, Role.ADMIN);
        assertThat(startReset(idOf("root2@example.com"), "test", admin).status()).isEqualTo(202);
        assertThat(call("POST", "/api/v1/helpdesk/users/" + idOf("root2@example.com") + "/unlock", null, admin)
                .status()).isEqualTo(204);
    }

    @Test
    void onlyAnAdministratorCreatesStaffAndDuplicatesConflict() {
        String body = "{\"email\":\"newdesk@example.com\",\"displayName\":\"New Desk\",\"role\":\"HELPDESK\"}";
        assertThat(call("POST", "/api/v1/helpdesk/users", body, helpdesk).status()).isEqualTo(403);
        assertThat(call("POST", "/api/v1/helpdesk/users", body.replace("HELPDESK", "ADMIN"), helpdesk).status())
                .isEqualTo(403);
        Response created = call("POST", "/api/v1/helpdesk/users", body, admin);
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("role").asText()).isEqualTo("HELPDESK");
        assertThat(call("POST", "/api/v1/helpdesk/users", body.replace("newdesk@", "NewDesk@"), admin).status())
                .isEqualTo(409);
        assertThat(call("POST", "/api/v1/helpdesk/users",
                "{\"email\":\"r@example.com\",\"displayName\":\"R\",\"role\":\"ROOT\"}", admin).status()).isEqualTo(400);
        assertThat(call("POST", "/api/v1/helpdesk/users",
                "{\"email\":\"r@example.com\",\"displayName\":\"\",\"role\":\"USER\"}", admin).status()).isEqualTo(400);
        assertThat(call("POST", "/api/v1/helpdesk/users",
                "{\"email\":\"r@example.com\",\"displayName\":\"Eve\\r\\nBcc: x@evil.test\",\"role\":\"USER\"}",
                admin).json().get("message").asText()).contains("one line");
    }

    @Test
    void invitedUserSetsAFirstPasswordWithinTheInvitationLifetime() throws Exception {
        Response created = call("POST", "/api/v1/helpdesk/users",
                "{\"email\":\"Invitee@Example.com\",\"displayName\":\"Ivy Invitee\",\"role\":\"USER\"}", helpdesk);
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("email").asText()).isEqualTo("invitee@example.com");
        assertThat(created.json().get("passwordChangedAt").isNull()).isTrue();
        assertThat(server.post("/api/v1/sessions",
                "{\"email\":\"invitee@example.com\",\"password\":\"" + PASSWORD + "\"}").status()).isEqualTo(401);
        MimeMessage invitation = server.messagesTo("invitee@example.com").get(0);
        assertThat(invitation.getSubject()).isEqualTo("You are invited to Latchkey");
        String text = Mail.text(invitation);
        assertThat(text).contains("desk of the help desk");
        String token = TestServer.tokenIn(text);
        server.clock.advance(Duration.ofHours(47));
        assertThat(server.post("/api/v1/password-resets/complete",
                "{\"token\":\"" + token + "\",\"newPassword\":\"" + NEW + "\"}").status()).isEqualTo(200);
        assertThat(server.signIn("invitee@example.com", NEW)).isNotBlank();
    }

    @Test
    void unlockClearsTheSignInThrottle() {
        String email = server.newUser("locked", PASSWORD);
        for (int i = 0; i < 5; i++) {
            server.post("/api/v1/sessions", "{\"email\":\"" + email + "\",\"password\":\"wrong guess " + i + "\"}",
                    "192.0.2.200", null);
        }
        assertThat(server.post("/api/v1/sessions", "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}",
                "192.0.2.200", null).status()).isEqualTo(429);
        long id = idOf(email);
        assertThat(server.get("/api/v1/helpdesk/users?query=" + email, helpdesk).json().get(0).get("locked")
                .asBoolean()).isTrue();
        assertThat(call("POST", "/api/v1/helpdesk/users/" + id + "/unlock", null, helpdesk).status()).isEqualTo(204);
        assertThat(server.signIn(email, PASSWORD)).isNotBlank();
        assertThat(TestServer.auditEntry(server.get("/api/v1/helpdesk/audit?userId=" + id, helpdesk).json(), "USER_UNLOCKED")
                .get("actor").asText()).isEqualTo("desk@example.com");
    }

    @Test
    void endSessionsWhenStaffThenEveryOwnerSessionGets401AndItIsAudited() {
        String email = server.newUser("everywhere", PASSWORD);
        String laptop = server.signIn(email, PASSWORD);
        String phone = server.signIn(email, PASSWORD);
        long id = idOf(email);
        assertThat(call("DELETE", "/api/v1/helpdesk/users/" + id + "/sessions", null, helpdesk).status())
                .isEqualTo(204);
        assertThat(server.get("/api/v1/me", laptop).status()).isEqualTo(401);
        assertThat(server.get("/api/v1/me", phone).status()).isEqualTo(401);
        assertThat(server.get("/api/v1/me", helpdesk).status()).as("the staff member's own session").isEqualTo(200);
        JsonNode ended = TestServer.auditEntry(server.get("/api/v1/helpdesk/audit?userId=" + id, helpdesk).json(),
                "SESSIONS_ENDED");
        assertThat(ended.get("actor").asText()).isEqualTo("desk@example.com");
        assertThat(ended.get("userEmail").asText()).isEqualTo(email);
        assertThat(ended.get("ip").asText()).isEqualTo("127.0.0.1");
        assertThat(server.signIn(email, PASSWORD)).as("the owner signs in again").isNotBlank();
        assertThat(call("DELETE", "/api/v1/helpdesk/users/" + id + "/sessions", null, helpdesk).status())
                .as("none left to end").isEqualTo(204);
        assertThat(call("DELETE", "/api/v1/helpdesk/users/999999/sessions", null, helpdesk).status()).isEqualTo(404);
    }

    @Test
    void endSessionsOfAStaffAccountWhenHelpdeskThen403AndWhenAdminThen204() {
        server.addUser("otherdesk@example.com", PASSWORD, Role.HELPDESK);
        String other = server.signIn("otherdesk@example.com", PASSWORD);
        long id = idOf("otherdesk@example.com");
        Response refused = call("DELETE", "/api/v1/helpdesk/users/" + id + "/sessions", null, helpdesk);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("error").asText()).isEqualTo("forbidden");
        assertThat(server.get("/api/v1/me", other).status()).isEqualTo(200);
        assertThat(call("DELETE", "/api/v1/helpdesk/users/" + id + "/sessions", null, admin).status()).isEqualTo(204);
        assertThat(server.get("/api/v1/me", other).status()).isEqualTo(401);
    }

    @Test
    void staffResetQuotaIs30AnHourPerStaffMember() {
        server.addUser("busydesk@example.com", PASSWORD, Role.HELPDESK);
        String busy = server.signIn("busydesk@example.com", PASSWORD);
        long id = idOf(server.newUser("quota", PASSWORD));
        for (int i = 0; i < 30; i++) {
            assertThat(startReset(id, "attempt " + i, busy).status()).isEqualTo(202);
        }
        Response limited = startReset(id, "one more", busy);
        assertThat(limited.status()).isEqualTo(429);
        assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 3600L);
        assertThat(startReset(id, "another staff member", admin).status()).isEqualTo(202);
    }

    @Test
    void auditPagesNewestFirst() {
        JsonNode first = server.get("/api/v1/helpdesk/audit?limit=3", admin).json();
        assertThat(first).hasSize(3);
        long lastId = first.get(2).get("id").asLong();
        assertThat(first.get(0).get("id").asLong()).isGreaterThan(first.get(1).get("id").asLong());
        JsonNode next = server.get("/api/v1/helpdesk/audit?limit=3&before=" + lastId, admin).json();
        assertThat(next.get(0).get("id").asLong()).isLessThan(lastId);
        assertThat(first.get(0).has("at")).isTrue();
        assertThat(server.get("/api/v1/helpdesk/audit?limit=x", admin).status()).isEqualTo(400);
        assertThat(server.get("/api/v1/helpdesk/audit?userId=424242", admin).status()).isEqualTo(404);
    }
}
