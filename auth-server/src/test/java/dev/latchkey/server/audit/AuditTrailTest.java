package dev.latchkey.server.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import dev.latchkey.api.Role;
import dev.latchkey.server.support.OneServerPerClass;
import dev.latchkey.server.support.TestServer;

/**
 * Every event the contract names leaves an audit row with time, type, user, actor and client IP,
 * and no row holds a token or a password.
 */
class AuditTrailTest extends OneServerPerClass {
    static final String PASSWORD = "velvet tractor orbits quietly";
    static final String NEW = "marble canyon whistles softly";
    static final String NEWER = "copper lantern drifts sideways";
    static final String IP = "203.0.113.42";

    @Test
    void eachEventLeavesARowWithTimeTypeUserActorAndIp() {
        server.addUser("auditor@example.com", PASSWORD, Role.ADMIN);
        String email = server.newUser("audited", PASSWORD);
        List<String> secrets = new ArrayList<>(List.of(PASSWORD, NEW, NEWER));

        server.post("/api/v1/sessions", "{\"email\":\"" + email + "\",\"password\":\"wrong one\"}", IP, null);
        String session = server.signIn(email, PASSWORD, IP);
        secrets.add(session);
        server.post("/api/v1/me/password", "{\"currentPassword\":\"" + PASSWORD + "\",\"newPassword\":\"" + NEW + "\"}",
                IP, session);
        server.delete("/api/v1/sessions/current", session);
        server.post("/api/v1/password-resets", "{\"email\":\"" + email + "\"}", IP, null);
        String token = server.latestTokenFor(email);
        secrets.add(token);
        server.post("/api/v1/password-resets/complete", "{\"token\":\"" + token + "\",\"newPassword\":\"" + NEWER + "\"}",
                IP, null);
        server.flushMail();

        String admin = server.signIn("auditor@example.com", PASSWORD, IP);
        JsonNode trail = server.get("/api/v1/helpdesk/audit?limit=200", admin).json();
        for (String type : List.of("SIGN_IN_FAILED", "SIGN_IN_SUCCEEDED", "PASSWORD_CHANGED", "RESET_REQUESTED",
                "RESET_COMPLETED", "MAIL_SENT")) {
            JsonNode row = TestServer.auditEntry(trail, type, email);
            assertThat(Instant.parse(row.get("at").textValue())).as(type).isNotNull();
            assertThat(row.get("ip").asText()).as(type).isEqualTo(IP);
        }
        // Signing out names its actor; the session ends, the row stays.
        JsonNode signedOut = TestServer.auditEntry(trail, "SIGNED_OUT", email);
        assertThat(signedOut.get("actor").asText()).isEqualTo(email);
        assertThat(TestServer.auditEntry(trail, "PASSWORD_CHANGED", email).get("actor").asText()).isEqualTo(email);
        for (String secret : secrets) {
            assertThat(trail.toString()).doesNotContain(secret);
        }
    }
}
