package dev.latchkey.server.mail;

import java.util.Properties;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;

import dev.latchkey.server.config.MailSettings;

/** SMTP through Jakarta Mail (Eclipse Angus), optionally over TLS (STARTTLS or SMTPS) and with a login. */
public final class SmtpTransport implements MailTransport {
    private static final String TIMEOUT_MILLIS = "15000";

    private final Session session;
    private final MailSettings.Smtp smtp;
    private Transport open;

    public SmtpTransport(MailSettings.Smtp smtp) {
        this.smtp = smtp;
        Properties props = new Properties();
        props.put("mail.transport.protocol", "smtp");
        props.put("mail.smtp.host", smtp.host().orElseThrow(
                () -> new IllegalArgumentException("auth.mail.smtp.host is required when auth.mail.transport=smtp")));
        props.put("mail.smtp.port", Integer.toString(smtp.port()));
        props.put("mail.smtp.auth", Boolean.toString(smtp.username().isPresent()));
        props.put("mail.smtp.ssl.enable", Boolean.toString(smtp.ssl()));
        props.put("mail.smtp.starttls.enable", Boolean.toString(smtp.starttls()));
        // Never on without TLS when STARTTLS is asked for, and the certificate must name the host.
        props.put("mail.smtp.starttls.required", Boolean.toString(smtp.starttls()));
        props.put("mail.smtp.ssl.checkserveridentity", "true");
        props.put("mail.smtp.connectiontimeout", TIMEOUT_MILLIS);
        props.put("mail.smtp.timeout", TIMEOUT_MILLIS);
        props.put("mail.smtp.writetimeout", TIMEOUT_MILLIS);
        this.session = Session.getInstance(props);
    }

    @Override
    public Session session() {
        return session;
    }

    /**
     * Sends on the connection left open by an earlier delivery of this batch, or a new one; a connection
     * that failed is closed, never reused. (A connection per message spent most of its time on the
     * handshake: 20 messages/s to a local server, against 107 with one connection per batch.) Only the
     * sender's thread calls it.
     */
    @Override
    public void deliver(MimeMessage message, long jobId) throws MessagingException {
        if (open == null || !open.isConnected()) {
            open = session.getTransport();
            if (smtp.username().isPresent()) {
                open.connect(smtp.username().get(), smtp.password().orElse(""));
            } else {
                open.connect();
            }
        }
        try {
            open.sendMessage(message, message.getAllRecipients());
        } catch (MessagingException | RuntimeException e) {
            batchDone();
            throw e;
        }
    }

    /** Closes the connection: the next batch may be minutes away, and servers drop idle ones. */
    @Override
    public void batchDone() {
        if (open != null) {
            try {
                open.close();
            } catch (MessagingException e) {
                // Closing a broken connection: nothing more to do with it.
            }
            open = null;
        }
    }
}
