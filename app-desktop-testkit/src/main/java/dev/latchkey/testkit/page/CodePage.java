package dev.latchkey.testkit.page;

import dev.latchkey.desktop.navigation.Screen;
import dev.latchkey.testkit.LatchkeyWindow;
import dev.latchkey.testkit.selector.FxId;

/** The reset code: pasted (the code alone or the whole link), checked, then on to the new password. */
public final class CodePage extends Page<CodePage> {
    public CodePage(LatchkeyWindow window) {
        super(window, Screen.TOKEN);
    }

    /** Pastes the code, or any text holding the link, as a person copying from the email would. */
    public CodePage code(String codeOrLink) {
        paste(FxId.CODE_CODE, codeOrLink);
        return this;
    }

    /** Checks the code and waits until the server accepted it. */
    public CodePage verify() {
        click(FxId.CODE_VERIFY);
        awaitVerified();
        return this;
    }

    /** Checks the code expecting a refusal; returns its words. */
    public String verifyRefused() {
        click(FxId.CODE_VERIFY);
        return awaitError();
    }

    /** What the server said of a good code: the masked address and until when it works. */
    public String awaitVerified() {
        return awaitText(FxId.CODE_VERIFIED);
    }

    public String awaitError() {
        return awaitText(FxId.CODE_ERROR);
    }

    public NewPasswordPage proceed() {
        click(FxId.CODE_PROCEED);
        return new NewPasswordPage(window);
    }

    /** Shown when the code was refused. */
    public ForgotPage askAgain() {
        click(FxId.CODE_ASK_AGAIN);
        return new ForgotPage(window);
    }

    public boolean canVerify() {
        return visible(FxId.CODE_VERIFY) && !disabled(FxId.CODE_VERIFY);
    }

    /** Waits for the offer that appears when a "Not you?" link was pasted instead of a code. */
    public CodePage awaitReportOffer() {
        LatchkeyWindow.await(() -> visible(FxId.CODE_OPEN_REPORT), () -> "the report offer");
        return this;
    }

    public ReportPage openReport() {
        click(FxId.CODE_OPEN_REPORT);
        return new ReportPage(window);
    }

    public SignInPage backToSignIn() {
        click(FxId.CODE_BACK_TO_SIGN_IN);
        return new SignInPage(window);
    }
}
