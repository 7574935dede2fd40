package dev.latchkey.api;

/**
 * The API's free-text fields (a display name, a help-desk reason): one rule for the server, the
 * command line and the desktop. Lengths are in characters (Unicode code points), as people count
 * them, so an emoji is one; the server's columns are sized to hold any text that passes.
 */
public final class FreeText {
    public static final int NAME_MAX = 200;
    public static final int REASON_MAX = 500;
    /** A help-desk note on a case: stored in 2,000 UTF-16 units, which 1,000 characters always fit. */
    public static final int NOTE_MAX = 1000;

    private FreeText() {
    }

    /** How many characters {@code text} has. */
    public static int length(String text) {
        return text.codePointCount(0, text.length());
    }

    /** Whether {@code text}, without its surrounding white space, has 1 to {@code max} characters. */
    public static boolean fits(String text, int max) {
        String stripped = text == null ? "" : text.strip();
        return !stripped.isEmpty() && length(stripped) <= max;
    }

    /** No line breaks or other control characters: a name opens every email to its owner. */
    public static boolean isOneLine(String text) {
        return text.chars().noneMatch(Character::isISOControl);
    }

    /**
     * Whether {@code text} holds a bidirectional embedding, override or isolate (U+202A to U+202E,
     * U+2066 to U+2069): in a name they reorder what follows wherever it is shown, so that a help desk
     * or an email reads another text than was stored. The marks (U+200E, U+200F, U+061C), which names in
     * right-to-left scripts may need, stay allowed.
     */
    public static boolean hasBidiControls(String text) {
        return text.chars().anyMatch(c -> c >= 0x202A && c <= 0x202E || c >= 0x2066 && c <= 0x2069);
    }
}
