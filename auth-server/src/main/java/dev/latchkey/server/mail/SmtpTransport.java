package dev.latchkey.server.mail;

import java.util.Properties;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;

import dev.latchkey.server.config.MailSettings;

/** SMTP through Jakarta Mail (Eclipse Angus), optionally with STARTTLS and a login. */
public final class SmtpTransport implements MailTransport {
    private static final String TIMEOUT_MILLIS = "15000";

    private final Session session;
    private final MailSettings.Smtp smtp;

    public SmtpTransport(MailSettings.Smtp smtp) {
        this.smtp = smtp;
        Properties props = new Properties();
        props.put("mail.transport.protocol", "smtp");
        props.put("mail.smtp.host", smtp.host().orElseThrow(
                () -> new IllegalArgumentException("auth.mail.smtp.host is required when auth.mail.transport=smtp")));
        props.put("mail.smtp.port", Integer.toString(smtp.port()));
        props.put("mail.smtp.auth", Boolean.toString(smtp.username().isPresent()));
        props.put("mail.smtp.starttls.enable", Boolean.toString(smtp.starttls()));
        props.put("mail.smtp.starttls.required", Boolean.toString(smtp.starttls()));
        props.put("mail.smtp.connectiontimeout", TIMEOUT_MILLIS);
        props.put("mail.smtp.timeout", TIMEOUT_MILLIS);
        props.put("mail.smtp.writetimeout", TIMEOUT_MILLIS);
        this.session = Session.getInstance(props);
    }

    @Override
    public Session session() {
        return session;
    }

    @Override
    public void deliver(MimeMessage message, long jobId) throws MessagingException {
        if (smtp.username().isPresent()) {
            Transport.send(message, smtp.username().get(), smtp.password().orElse(""));
        } else {
            Transport.send(message);
        }
    }
}
