package dev.latchkey.server.mail;

/**
 * An email ready to send. {@code secret} is the token it carries, if any: kept so that the sender can
 * scrub it from any error text before that text is logged or stored.
 */
public record Letter(String to, String subject, String text, String html, String secret) {
    @Override
    public String toString() {
        return "Letter[subject=" + subject + "]";
    }
}
