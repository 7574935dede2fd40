package dev.latchkey.server.reset;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.latchkey.api.Role;
import dev.latchkey.server.support.Mail;
import dev.latchkey.server.support.TestServer;

/** Links in emails come from auth.public-url, never from the request's Host header. */
class ResetLinkTest {
    @TempDir
    Path dir;

    @Test
    void linkUsesPublicUrlWhateverTheHostHeaderSays() {
        try (TestServer server = TestServer.start(dir, Map.of("auth.public-url", "https://latchkey.example.test/",
                // A name this server answers to (see AllowedHostsTest), yet not the one links are built from.
                "server.allowed-hosts", "evil.example"))) {
            server.addUser("hosted@example.com", "velvet tractor orbits quietly", Role.USER);
            assertThat(server.rawRequest("POST /api/v1/password-resets HTTP/1.1\r\nHost: evil.example\r\n"
                    + "X-Forwarded-Host: evil.example\r\nContent-Type: application/json",
                    "{\"email\":\"hosted@example.com\"}")).startsWith("HTTP/1.1 202");
            String text = Mail.text(server.messagesTo("hosted@example.com").get(0));
            assertThat(text).contains("https://latchkey.example.test/reset#token=").doesNotContain("evil.example");
        }
    }
}
