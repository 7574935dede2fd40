package dev.latchkey.server.reset;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
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
    void linkUsesPublicUrlWhateverTheHostHeaderSays() throws Exception {
        try (TestServer server = TestServer.start(dir, Map.of("auth.public-url", "https://latchkey.example.test/",
                // A name this server answers to (see AllowedHostsTest), yet not the one links are built from.
                "server.allowed-hosts", "evil.example"))) {
            server.addUser("hosted@example.com", "velvet tractor orbits quietly", Role.USER);
            String body = "{\"email\":\"hosted@example.com\"}";
            try (Socket socket = new Socket("127.0.0.1", server.server().port())) {
                OutputStream out = socket.getOutputStream();
                out.write(("POST /api/v1/password-resets HTTP/1.1\r\nHost: evil.example\r\n"
                        + "X-Forwarded-Host: evil.example\r\nContent-Type: application/json\r\nContent-Length: "
                        + body.length() + "\r\nConnection: close\r\n\r\n" + body).getBytes(StandardCharsets.US_ASCII));
                out.flush();
                // Only the status line: the server may keep the connection open after answering.
                BufferedReader in = new BufferedReader(
                        new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
                assertThat(in.readLine()).startsWith("HTTP/1.1 202");
            }
            String text = Mail.text(server.messagesTo("hosted@example.com").get(0));
            assertThat(text).contains("https://latchkey.example.test/reset#token=").doesNotContain("evil.example");
        }
    }
}
