package dev.latchkey.server.helpdesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.latchkey.api.Role;
import dev.latchkey.server.support.TestServer;
import dev.latchkey.server.support.TestServer.Response;

/**
 * Staff limits: invitations count against the staff quota like resets (each sends a branded email to any
 * address), and only an administrator acts on a staff account. Free text keeps one length rule, in
 * characters, that the database can always store.
 */
class HelpdeskHardeningTest {
    static final String PASSWORD = "velvet tractor orbits quietly";
    static final String EMOJI = "\uD83D\uDE00";

    @TempDir
    Path dir;

    private static Response invite(TestServer server, String session, String email, String name, String role) {
        return server.post("/api/v1/helpdesk/users", "{\"email\":\"" + email + "\",\"displayName\":\"" + name
                + "\",\"role\":\"" + role + "\"}", "127.0.0.1", session);
    }

    @Test
    void inviteWhenQuotaSpentThen429() {
        try (TestServer server = TestServer.start(dir, Map.of("auth.helpdesk.reset-quota", "3"))) {
            server.addUser("desk@example.com", PASSWORD, Role.HELPDESK);
            String desk = server.signIn("desk@example.com", PASSWORD);
            for (int i = 0; i < 3; i++) {
                assertThat(invite(server, desk, "guest" + i + "@example.com", "Guest", "USER").status()).isEqualTo(201);
            }
            Response refused = invite(server, desk, "guest9@example.com", "Guest", "USER");
            assertThat(refused.status()).isEqualTo(429);
            assertThat(refused.header("Retry-After")).isNotNull();
            assertThat(server.messagesTo("guest9@example.com")).isEmpty();
        }
    }

    @Test
    void resetOrUnlockWhenHelpdeskTargetsStaffThen403AndAdminMay() {
        try (TestServer server = TestServer.start(dir)) {
            server.addUser("root@example.com", PASSWORD, Role.ADMIN);
            server.addUser("desk@example.com", PASSWORD, Role.HELPDESK);
            long colleague = server.addUser("desk2@example.com", PASSWORD, Role.HELPDESK);
            String desk = server.signIn("desk@example.com", PASSWORD);
            String admin = server.signIn("root@example.com", PASSWORD);
            String reset = "/api/v1/helpdesk/users/" + colleague + "/password-reset";
            String unlock = "/api/v1/helpdesk/users/" + colleague + "/unlock";
            assertThat(server.post(reset, "{\"reason\":\"asked\"}", "127.0.0.1", desk).status()).isEqualTo(403);
            assertThat(server.post(unlock, "{}", "127.0.0.1", desk).status()).isEqualTo(403);
            assertThat(server.post(reset, "{\"reason\":\"asked\"}", "127.0.0.1", admin).status()).isEqualTo(202);
            assertThat(server.post(unlock, "{}", "127.0.0.1", admin).status()).isEqualTo(204);
        }
    }

    @Test
    void freeTextWhenAstralCharactersThenCountedAsCharactersAndStored() {
        try (TestServer server = TestServer.start(dir)) {
            server.addUser("root@example.com", PASSWORD, Role.ADMIN);
            String admin = server.signIn("root@example.com", PASSWORD);
            Response created = invite(server, admin, "emoji@example.com", EMOJI.repeat(150), "USER");
            assertThat(created.status()).isEqualTo(201);
            assertThat(created.json().get("displayName").asText()).isEqualTo(EMOJI.repeat(150));
            assertThat(invite(server, admin, "full@example.com", EMOJI.repeat(200), "USER").status()).isEqualTo(201);
            Response tooLong = invite(server, admin, "over@example.com", EMOJI.repeat(201), "USER");
            assertThat(tooLong.status()).isEqualTo(400);
            assertThat(tooLong.json().get("message").asText()).contains("displayName").contains("200 characters");

            long id = created.json().get("id").asLong();
            String reset = "/api/v1/helpdesk/users/" + id + "/password-reset";
            assertThat(server.post(reset, "{\"reason\":\"" + EMOJI.repeat(500) + "\"}", "127.0.0.1", admin).status())
                    .isEqualTo(202);
            assertThat(server.get("/api/v1/helpdesk/audit?userId=" + id + "&limit=5", admin).json().findValuesAsText(
                    "detail")).contains("Reason: " + EMOJI.repeat(500));
            Response longReason = server.post(reset, "{\"reason\":\"" + EMOJI.repeat(501) + "\"}", "127.0.0.1", admin);
            assertThat(longReason.status()).isEqualTo(400);
            assertThat(longReason.json().get("message").asText()).contains("reason").contains("500 characters");
        }
    }

    @Test
    void inviteWhenInvisibleCharacterInEmailOrBidiControlInNameThen400NamingTheField() {
        try (TestServer server = TestServer.start(dir)) {
            server.addUser("root@example.com", PASSWORD, Role.ADMIN);
            String admin = server.signIn("root@example.com", PASSWORD);
            for (String email : new String[] {"root@example.com\\u200b", "ro\\u2060ot@example.com",
                    "root\\u202e@example.com", "\\u2066root@example.com\\u2069"}) {
                Response refused = invite(server, admin, email, "Root", "ADMIN");
                assertThat(refused.status()).as(email).isEqualTo(400);
                assertThat(refused.json().get("error").asText()).isEqualTo("invalid_request");
                assertThat(refused.json().get("message").asText()).contains("\"email\"");
            }
            for (String name : new String[] {"Jane \\u202eeoD", "\\u202aJane\\u202c", "Jane \\u2067Doe\\u2069",
                    "\\u202dJane"}) {
                Response refused = invite(server, admin, "jane@example.com", name, "USER");
                assertThat(refused.status()).as(name).isEqualTo(400);
                assertThat(refused.json().get("message").asText()).contains("\"displayName\"");
            }
            // A right-to-left name with the marks such names may need is a name.
            assertThat(invite(server, admin, "jane@example.com", "\\u0645\\u062d\\u0645\\u062f \\u200fDoe", "USER")
                    .status()).isEqualTo(201);
        }
    }
}
