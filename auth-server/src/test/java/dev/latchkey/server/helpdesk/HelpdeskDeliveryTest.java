package dev.latchkey.server.helpdesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.latchkey.api.Role;
import dev.latchkey.server.support.TestServer;

/** "I never got the email": the audit trail shows a failed delivery and why. */
class HelpdeskDeliveryTest {
    @TempDir
    Path dir;

    @Test
    void auditShowsDeliveryFailureWithItsLastError() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (TestServer server = TestServer.start(dir, Map.of("auth.mail.transport", "smtp",
                "auth.mail.smtp.host", "127.0.0.1", "auth.mail.smtp.port", Integer.toString(closedPort)))) {
            server.addUser("desk@example.com", "velvet tractor orbits quietly", Role.HELPDESK);
            long id = server.addUser("lost@example.com", "velvet tractor orbits quietly", Role.USER);
            String desk = server.signIn("desk@example.com", "velvet tractor orbits quietly");
            assertThat(server.post("/api/v1/helpdesk/users/" + id + "/password-reset", "{\"reason\":\"never arrived\"}",
                    "127.0.0.1", desk).status()).isEqualTo(202);
            server.flushMail();
            JsonNode trail = server.get("/api/v1/helpdesk/audit?userId=" + id, desk).json();
            JsonNode delivery = TestServer.auditEntry(trail, "HELPDESK_RESET_STARTED").get("delivery");
            assertThat(delivery.get("status").asText()).isEqualTo("QUEUED");
            assertThat(delivery.get("attempts").asInt()).isGreaterThanOrEqualTo(1);
            assertThat(delivery.get("lastError").asText()).containsIgnoringCase("connect");
            assertThat(TestServer.auditEntry(trail, "MAIL_FAILED").get("userEmail").asText()).isEqualTo("lost@example.com");
        }
    }
}
