package dev.latchkey.server.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.latchkey.api.Role;
import dev.latchkey.server.support.Mail;
import dev.latchkey.server.support.Smtp;
import dev.latchkey.server.support.TestServer;

/** SMTP delivery through Jakarta Mail against a real SMTP server (GreenMail), including outages. */
class SmtpDeliveryTest {
    static final String EMAIL = "mailee@example.com";

    @TempDir
    Path dir;
    int port;
    GreenMail smtp;
    TestServer server;

    @BeforeEach
    void setUp() {
        port = Smtp.freePort();
        smtp = Smtp.server(port);
        server = TestServer.start(dir, Smtp.settings(port, "auth.mail.from", "Latchkey <no-reply@latchkey.test>"));
        server.addUser(EMAIL, "velvet tractor orbits quietly", Role.USER);
    }

    @AfterEach
    void tearDown() {
        server.close();
        smtp.stop();
    }

    private void requestReset() {
        assertThat(server.post("/api/v1/password-resets", "{\"email\":\"" + EMAIL + "\"}").status()).isEqualTo(202);
    }

    @Test
    void resetEmailDeliveredOverSmtpWithTextAndHtml() throws Exception {
        smtp.start();
        requestReset();
        server.flushMail();
        assertThat(smtp.waitForIncomingEmail(5000, 1)).isTrue();
        MimeMessage message = smtp.getReceivedMessages()[0];
        assertThat(message.getAllRecipients()[0].toString()).isEqualTo(EMAIL);
        assertThat(message.getFrom()[0].toString()).contains("no-reply@latchkey.test");
        String token = TestServer.tokenIn(Mail.text(message));
        assertThat(Mail.html(message)).contains("/reset#token=" + token);
        assertThat(server.lastMailJob().status()).isEqualTo(MailStatus.SENT);
    }

    @Test
    void jobFailedWhileSmtpDownIsDeliveredWhenItComesBack() throws Exception {
        requestReset();
        server.flushMail();
        TestServer.MailJobState failed = server.lastMailJob();
        assertThat(failed.status()).isEqualTo(MailStatus.QUEUED);
        assertThat(failed.attempts()).isGreaterThanOrEqualTo(1);
        assertThat(failed.lastError()).isNotBlank();
        assertThat(server.auditCount("MAIL_FAILED", EMAIL)).isGreaterThanOrEqualTo(1);

        smtp.start();
        server.clock.advance(Duration.ofMinutes(15));
        server.flushMail();
        assertThat(smtp.waitForIncomingEmail(5000, 1)).isTrue();
        assertThat(server.lastMailJob().status()).isEqualTo(MailStatus.SENT);
        assertThat(server.auditCount("MAIL_SENT", EMAIL)).isEqualTo(1);
    }

    @Test
    void jobGivenUpAfterTheLastAttemptIsFailedWithItsLastError() {
        requestReset();
        for (int attempt = 0; attempt < 12; attempt++) {
            server.flushMail();
            server.clock.advance(Duration.ofMinutes(16));
        }
        TestServer.MailJobState status = server.lastMailJob();
        assertThat(status.status()).isEqualTo(MailStatus.FAILED);
        assertThat(status.attempts()).isEqualTo(12);
        assertThat(status.lastError()).isNotBlank();
        server.clock.advance(Duration.ofHours(1));
        server.flushMail();
        assertThat(server.lastMailJob().attempts()).as("no attempt after giving up").isEqualTo(12);
    }

    @Test
    void jobFailedWhileSmtpDownIsDeliveredAfterServerRestart() throws Exception {
        requestReset();
        server.flushMail();
        assertThat(server.lastMailJob().status()).isEqualTo(MailStatus.QUEUED);

        smtp.start();
        server.restart();
        server.clock.advance(Duration.ofMinutes(15));
        server.flushMail();
        assertThat(smtp.waitForIncomingEmail(5000, 1)).isTrue();
        String token = TestServer.tokenIn(Mail.text(smtp.getReceivedMessages()[0]));
        assertThat(server.post("/api/v1/password-resets/complete",
                "{\"token\":\"" + token + "\",\"newPassword\":\"marble canyon whistles softly\"}").status())
                .isEqualTo(200);
    }
}
