package dev.latchkey.server.mfa;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.latchkey.api.Role;
import dev.latchkey.server.support.ApiDocument;
import dev.latchkey.server.support.TestServer;
import dev.latchkey.server.support.TestServer.Response;

import static org.assertj.core.api.Assertions.assertThat;

/** Staff must have a second factor (auth.mfa.required-roles): no help-desk route answers them before. */
class StaffSecondFactorTest {
    static final String PASSWORD = "velvet tractor orbits quietly";

    @TempDir
    static Path dir;
    static TestServer server;

    @BeforeAll
    static void start() {
        // The default value (AuthSettingsTest holds it), given here because TestServer turns it off.
        server = TestServer.start(dir, Map.of("auth.mfa.required-roles", "HELPDESK, ADMIN"));
    }

    @AfterAll
    static void stop() {
        try {
            ApiDocument.get().assertConform(server.exchanges());
        } finally {
            server.close();
        }
    }

    @Test
    void staffWithoutAFactorThenSignedInButNoHelpdeskRouteAnswersUntilOneIsSetUp() {
        String email = "desk-no-factor@example.com";
        server.addUser(email, PASSWORD, Role.HELPDESK);
        Response signedIn = server.post("/api/v1/sessions",
                "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}");
        assertThat(signedIn.status()).isEqualTo(201);
        assertThat(signedIn.json().get("secondFactorSetupRequired").asBoolean()).isTrue();
        String session = signedIn.json().get("token").asText();
        for (String path : new String[] {"/api/v1/helpdesk/users?query=a", "/api/v1/helpdesk/cases",
                "/api/v1/helpdesk/audit"}) {
            Response refused = server.get(path, session);
            assertThat(refused.status()).as(path).isEqualTo(403);
            assertThat(refused.json().get("error").asText()).isEqualTo("second_factor_setup_required");
        }
        assertThat(server.get("/api/v1/me", session).status()).as("the account screen still works").isEqualTo(200);

        TestServer.Enrolled factor = server.enrolSecondFactor(email, PASSWORD, "127.0.0.1");
        assertThat(server.get("/api/v1/helpdesk/users?query=a", factor.session()).status()).isEqualTo(200);
        assertThat(server.get("/api/v1/helpdesk/users?query=a", session).status())
                .as("the first session too, once the account has its factor").isEqualTo(200);
    }

    @Test
    void userWhenNoFactorThenNothingAsked() {
        String email = "plain-user@example.com";
        server.addUser(email, PASSWORD, Role.USER);
        Response signedIn = server.post("/api/v1/sessions",
                "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}");
        assertThat(signedIn.json().get("secondFactorSetupRequired").asBoolean()).isFalse();
        assertThat(server.get("/api/v1/helpdesk/cases", signedIn.json().get("token").asText()).json()
                .get("error").asText()).isEqualTo("forbidden");
    }
}
