package dev.latchkey.testkit.page;

import java.util.List;

import javafx.scene.control.ListView;

import dev.latchkey.desktop.mailbox.MailItem;
import dev.latchkey.desktop.navigation.Screen;
import dev.latchkey.testkit.LatchkeyWindow;
import dev.latchkey.testkit.selector.FxId;

/**
 * The local mailbox (embedded server only): the emails the server wrote to its outbox folder, newest
 * first and selected. It reads the folder again every 1.5 s, so waiting here sees new mail arrive.
 *
 * @param <R> the page it was opened from, which {@link #back()} returns to as it was left
 */
public final class MailboxPage<R extends Page<R>> extends Page<MailboxPage<R>> {
    private final R from;

    MailboxPage(LatchkeyWindow window, R from) {
        super(window, Screen.MAILBOX);
        this.from = from;
    }

    /** Waits for the newest message to hold a reset code and returns the code. */
    public String latestResetCode() {
        return awaitText(FxId.MAILBOX_CODE);
    }

    /** Waits for the newest message to be to this address and hold a reset code, and returns the code. */
    public String latestResetCodeFor(String email) {
        LatchkeyWindow.await(() -> !messages().isEmpty() && messages().get(0).to().equals(email)
                && !text(FxId.MAILBOX_CODE).isEmpty(), () -> "a reset code for " + email);
        return text(FxId.MAILBOX_CODE);
    }

    /** The messages shown, newest first. */
    public List<MailItem> messages() {
        return window.<ListView<MailItem>>node(FxId.MAILBOX_MESSAGES).getItems();
    }

    /** The selected message's text. */
    public String body() {
        return text(FxId.MAILBOX_BODY);
    }

    public R back() {
        click(FxId.MAILBOX_BACK);
        window.awaitScreen(from.screen());
        return from;
    }
}
