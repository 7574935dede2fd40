package dev.latchkey.server.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import com.icegreen.greenmail.util.GreenMail;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.latchkey.api.Role;
import dev.latchkey.server.support.Smtp;
import dev.latchkey.server.support.TestServer;

/**
 * SMTP with a login (auth.mail.smtp.username / .password) against a GreenMail that requires one: on
 * loopback without TLS; to another machine, only with STARTTLS or SMTPS.
 */
class SmtpAuthTest {
    @TempDir
    Path dir;
    int port;
    GreenMail smtp;

    @BeforeEach
    void startSmtp() {
        port = Smtp.freePort();
        smtp = Smtp.server(port);
        smtp.getUserManager().setAuthRequired(true);
        smtp.setUser("mailer@latchkey.test", "mailer", "right-secret");
        smtp.start();
    }

    @AfterEach
    void stopSmtp() {
        smtp.stop();
    }

    private TestServer server(String password) {
        return TestServer.start(dir, Smtp.settings(port, "auth.mail.smtp.username", "mailer",
                "auth.mail.smtp.password", password));
    }

    @Test
    void deliveryWithTheRightLogin() throws Exception {
        try (TestServer server = server("right-secret")) {
            server.addUser("auth@example.com", "velvet tractor orbits quietly", Role.USER);
            server.post("/api/v1/password-resets", "{\"email\":\"auth@example.com\"}");
            server.flushMail();
            assertThat(smtp.waitForIncomingEmail(5000, 1)).isTrue();
            assertThat(server.lastMailJob().status()).isEqualTo(MailStatus.SENT);
        }
    }

    @Test
    void startWhenLoginWithoutTlsToAnotherMachineThenRefused() {
        assertThatThrownBy(() -> TestServer.start(dir, Smtp.settings(port, "auth.mail.smtp.host", "mail.example.org",
                "auth.mail.smtp.username", "mailer", "auth.mail.smtp.password", "right-secret")))
                .hasStackTraceContaining("auth.mail.smtp.starttls");
    }

    @Test
    void wrongLoginLeavesTheJobQueuedWithTheReasonAndNoSecret() {
        try (TestServer server = server("wrong-secret")) {
            server.addUser("auth@example.com", "velvet tractor orbits quietly", Role.USER);
            server.post("/api/v1/password-resets", "{\"email\":\"auth@example.com\"}");
            server.flushMail();
            TestServer.MailJobState status = server.lastMailJob();
            assertThat(status.status()).isEqualTo(MailStatus.QUEUED);
            assertThat(status.lastError()).contains("Authentication").doesNotContain("wrong-secret");
            assertThat(smtp.getReceivedMessages()).isEmpty();
        }
    }
}
