package dev.latchkey.server.support;

import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMultipart;

/** Reads the parts of the messages the server sends. */
public final class Mail {
    private Mail() {
    }

    public static String text(Message message) {
        return part(message, "text/plain");
    }

    public static String html(Message message) {
        return part(message, "text/html");
    }

    private static String part(Message message, String type) {
        try {
            MimeMultipart multipart = (MimeMultipart) message.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart part = multipart.getBodyPart(i);
                if (part.isMimeType(type)) {
                    return (String) part.getContent();
                }
            }
            throw new AssertionError("No " + type + " part");
        } catch (AssertionError e) {
            throw e;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
