package dev.latchkey.testkit.page;

import dev.latchkey.desktop.navigation.Screen;
import dev.latchkey.testkit.LatchkeyWindow;
import dev.latchkey.testkit.selector.FxId;

/** A "Not you?" link opened: what was reported, one confirming click, then the case number. */
public final class ReportPage extends Page<ReportPage> {
    public ReportPage(LatchkeyWindow window) {
        super(window, Screen.REPORT);
    }

    /** Waits until the server told what the link is about and the report can be confirmed. */
    public ReportPage awaitReport() {
        LatchkeyWindow.await(() -> canConfirm() && !disabled(FxId.REPORT_CONFIRM), () -> "the report to load");
        return this;
    }

    public boolean canConfirm() {
        return visible(FxId.REPORT_CONFIRM);
    }

    public String event() {
        return text(FxId.REPORT_EVENT);
    }

    public String account() {
        return text(FxId.REPORT_ACCOUNT);
    }

    public String when() {
        return text(FxId.REPORT_WHEN);
    }

    /** "This was not me", then waits for the outcome. */
    public ReportPage confirm() {
        click(FxId.REPORT_CONFIRM);
        LatchkeyWindow.await(() -> visible(FxId.REPORT_OUTCOME), () -> "the report's outcome");
        return this;
    }

    /** "Your case number is N. ..." */
    public String reference() {
        return text(FxId.REPORT_REFERENCE);
    }

    public String outcomeMessage() {
        return text(FxId.REPORT_OUTCOME_MESSAGE);
    }

    public String supportContact() {
        return text(FxId.REPORT_SUPPORT_CONTACT);
    }

    public SignInPage backToSignIn() {
        click(FxId.REPORT_BACK_TO_SIGN_IN);
        return new SignInPage(window);
    }
}
