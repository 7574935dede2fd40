package dev.latchkey.server.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import dev.latchkey.server.config.MailSettings;
import dev.latchkey.server.http.ServerTls;
import dev.latchkey.server.support.Smtp;

/** What the SMTP connection asks of TLS: STARTTLS or SMTPS when set, and always a certificate naming the host. */
class SmtpTransportTest {
    @Test
    void sessionWhenStarttlsThenRequiredAndWhenSslThenSmtpsAndEitherWayTheNameIsChecked() {
        Session starttls = new SmtpTransport(smtp(587, true, false)).session();
        assertThat(starttls.getProperty("mail.smtp.starttls.enable")).isEqualTo("true");
        assertThat(starttls.getProperty("mail.smtp.starttls.required")).isEqualTo("true");
        assertThat(starttls.getProperty("mail.smtp.ssl.enable")).isEqualTo("false");
        assertThat(starttls.getProperty("mail.smtp.ssl.checkserveridentity")).isEqualTo("true");

        Session smtps = new SmtpTransport(smtp(465, false, true)).session();
        assertThat(smtps.getProperty("mail.smtp.ssl.enable")).isEqualTo("true");
        assertThat(smtps.getProperty("mail.smtp.ssl.checkserveridentity")).isEqualTo("true");
    }

    @Test
    void deliverWhenSmtpsCertificateDoesNotNameTheHostThenNothingIsSent() throws Exception {
        int port = Smtp.freePort();
        // GreenMail is a TLS server in this JVM, and its first handshake would fix the JDK's renegotiation
        // rule for the JVM before TlsTest's server could.
        ServerTls.refuseClientRenegotiation();
        GreenMail server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTPS));
        server.start();
        try {
            SmtpTransport transport = new SmtpTransport(smtp(port, false, true));
            // GreenMail's self-signed certificate is trusted here, so only its name (not 127.0.0.1) is wrong.
            transport.session().getProperties().put("mail.smtp.ssl.trust", "127.0.0.1");

            assertThatThrownBy(() -> transport.deliver(message(transport), 1))
                    .isInstanceOf(MessagingException.class)
                    .hasStackTraceContaining("127.0.0.1");
            assertThat(server.getReceivedMessages()).isEmpty();
        } finally {
            server.stop();
        }
    }

    @Test
    void deliverWhenStarttlsAskedAndTheServerCannotThenNothingGoesInClear() throws Exception {
        int port = Smtp.freePort();
        GreenMail server = Smtp.server(port);
        server.start();
        try {
            SmtpTransport transport = new SmtpTransport(smtp(port, true, false));

            assertThatThrownBy(() -> transport.deliver(message(transport), 1)).isInstanceOf(MessagingException.class);
            assertThat(server.getReceivedMessages()).isEmpty();
        } finally {
            server.stop();
        }
    }

    private static MailSettings.Smtp smtp(int port, boolean starttls, boolean ssl) {
        return new MailSettings.Smtp(Optional.of("127.0.0.1"), port, Optional.empty(), Optional.empty(), starttls, ssl);
    }

    private static MimeMessage message(SmtpTransport transport) throws MessagingException {
        MimeMessage message = new MimeMessage(transport.session());
        message.setFrom(new InternetAddress("no-reply@latchkey.test"));
        message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress("someone@example.com"));
        message.setSubject("Reset");
        message.setText("a token");
        return message;
    }
}
