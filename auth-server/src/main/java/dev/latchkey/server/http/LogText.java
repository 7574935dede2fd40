package dev.latchkey.server.http;

/**
 * Text for a log line that came from outside (a path, a header, a driver's message): control
 * characters are escaped, so a client cannot start a forged line or hide one, and it is cut short.
 */
public final class LogText {
    private static final int MAX = 300;

    private LogText() {
    }

    /** {@code text} escaped and cut to {@value #MAX} characters. */
    public static String clean(String text) {
        return escape(text, MAX);
    }

    /** {@code text} escaped, whatever its length. */
    public static String escape(String text) {
        return escape(text, Integer.MAX_VALUE);
    }

    private static String escape(String text, int max) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(Math.min(text.length(), max) + 16);
        int i = 0;
        for (; i < text.length() && out.length() < max; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\\' -> out.append("\\\\");
                default -> {
                    // C0, DEL, C1, and the line and paragraph separators some viewers break lines on.
                    if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return i < text.length() ? out + "..." : out.toString();
    }
}
