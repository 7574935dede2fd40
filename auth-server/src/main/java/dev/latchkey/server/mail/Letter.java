package dev.latchkey.server.mail;

import java.util.List;

/**
 * An email ready to send. {@code secrets} are the tokens it carries (a reset token, a "Not you?" token):
 * kept so that the sender can scrub them from any error text before that text is logged or stored.
 */
public record Letter(String to, String subject, String text, String html, List<String> secrets) {
    @Override
    public String toString() {
        return "Letter[subject=" + subject + "]";
    }
}
