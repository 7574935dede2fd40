package dev.latchkey.testkit.page;

import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;

import org.testfx.api.FxRobot;

import dev.latchkey.desktop.navigation.Screen;
import dev.latchkey.testkit.LatchkeyWindow;
import dev.latchkey.testkit.selector.FxId;

/**
 * One screen of the app. A page is made once its screen is showing (it waits for it), acts as a
 * person would (clicks, keys, pastes) and returns the page that follows. Reads ({@link #text},
 * {@link #visible}) look at the screen as it is now; methods named {@code await...} wait for the
 * outcome of a call to the server.
 *
 * @param <P> the page's own type, so that a side trip to the mailbox returns to it
 */
public abstract class Page<P extends Page<P>> {
    protected final LatchkeyWindow window;
    protected final FxRobot robot;
    private final Screen screen;

    protected Page(LatchkeyWindow window, Screen screen) {
        this.window = window;
        this.robot = window.robot();
        this.screen = screen;
        window.awaitScreen(screen);
    }

    public Screen screen() {
        return screen;
    }

    @SuppressWarnings("unchecked")
    protected final P self() {
        return (P) this;
    }

    /** The header's Mailbox button (embedded server only); {@link MailboxPage#back()} returns here. */
    public MailboxPage<P> openMailbox() {
        click(FxId.HEADER_OPEN_MAILBOX);
        return new MailboxPage<>(window, self());
    }

    public boolean hasMailbox() {
        return window.find(FxId.HEADER_OPEN_MAILBOX).isPresent();
    }

    /** The header's Account button (when signed in). */
    public AccountPage openAccount() {
        click(FxId.HEADER_OPEN_ACCOUNT);
        return new AccountPage(window);
    }

    /** The header's Help desk button (signed-in staff only). */
    public HelpdeskPage openHelpdesk() {
        click(FxId.HEADER_OPEN_HELPDESK);
        return new HelpdeskPage(window);
    }

    /**
     * Picks a language in the header's menu ({@code FxId.HEADER_LANGUAGE_...}). The window is built again
     * in it at once, on the same screen (what was typed there is gone); this page stays valid.
     */
    public P language(FxId item) {
        click(FxId.HEADER_LANGUAGE);
        robot.clickOn(item.query());
        LatchkeyWindow.await(() -> window.context().messages().locale().toLanguageTag().equals(
                item.id().substring("language-".length())), () -> "the app in " + item.id());
        window.awaitScreen(screen);
        return self();
    }

    public String signedInAs() {
        return text(FxId.HEADER_SIGNED_IN_AS);
    }

    /** Presses Enter where the focus is: the field's action or the default button. Await the outcome after. */
    public P pressEnter() {
        robot.type(KeyCode.ENTER);
        return self();
    }

    /** The text of a label, button or field of this screen, or of the header. */
    public String text(FxId id) {
        Node node = window.node(id);
        return node instanceof Labeled labeled ? labeled.getText() : ((TextInputControl) node).getText();
    }

    /** Whether the control is there and shown: it and every pane around it visible. */
    public boolean visible(FxId id) {
        return window.find(id).map(Page::shown).orElse(false);
    }

    private static boolean shown(Node node) {
        for (Node at = node; at != null; at = at.getParent()) {
            if (!at.isVisible()) {
                return false;
            }
        }
        return true;
    }

    public boolean disabled(FxId id) {
        return window.node(id).isDisabled();
    }

    /** Clicks a button, link, check box or tab. */
    protected void click(FxId id) {
        robot.clickOn(window.<Node>node(id));
    }

    /** Types into a field as a person would: empty it, click it, then the keys. */
    protected void type(FxId id, String text) {
        TextInputControl field = window.node(id);
        robot.interact(field::clear);
        robot.clickOn(field);
        robot.write(text);
    }

    /** Puts text into a field at once, as a paste would. */
    protected void paste(FxId id, String text) {
        TextInputControl field = window.node(id);
        robot.interact(() -> {
            field.requestFocus();
            field.setText(text);
        });
    }

    /** Types into the shared second-factor field (sign in, new password, second factor), once it shows. */
    protected void typeSecondFactor(String code) {
        LatchkeyWindow.await(() -> visible(FxId.SECOND_FACTOR_CODE), () -> "the second-factor field");
        type(FxId.SECOND_FACTOR_CODE, code);
    }

    /** Waits until the label has text and returns it. */
    protected String awaitText(FxId id) {
        LatchkeyWindow.await(() -> visible(id) && !text(id).isEmpty(), () -> id.query() + " to show text");
        return text(id);
    }
}
