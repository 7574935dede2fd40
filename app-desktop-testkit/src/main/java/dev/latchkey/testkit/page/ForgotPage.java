package dev.latchkey.testkit.page;

import dev.latchkey.desktop.navigation.Screen;
import dev.latchkey.testkit.LatchkeyWindow;
import dev.latchkey.testkit.selector.FxId;

/** "Forgot password?": the address to send a code to, then the generic confirmation. */
public final class ForgotPage extends Page<ForgotPage> {
    public ForgotPage(LatchkeyWindow window) {
        super(window, Screen.FORGOT);
    }

    public ForgotPage email(String email) {
        type(FxId.FORGOT_EMAIL, email);
        return this;
    }

    /** Sends the code and waits for the confirmation, which reads the same whether the account exists or not. */
    public ForgotPage sendCode() {
        click(FxId.FORGOT_SEND_CODE);
        awaitConfirmation();
        return this;
    }

    public String awaitConfirmation() {
        return awaitText(FxId.FORGOT_CONFIRMATION);
    }

    /** After sending: "I have the code". */
    public CodePage haveCode() {
        click(FxId.FORGOT_HAVE_CODE);
        return new CodePage(window);
    }

    /** Before sending: the "I have a code already" link. */
    public CodePage haveCodeAlready() {
        click(FxId.FORGOT_HAVE_CODE_ALREADY);
        return new CodePage(window);
    }

    /** Back to sign in, from the form or from the confirmation. */
    public SignInPage backToSignIn() {
        click(visible(FxId.FORGOT_BACK_TO_SIGN_IN) ? FxId.FORGOT_BACK_TO_SIGN_IN
                : FxId.FORGOT_BACK_TO_SIGN_IN_AFTER_SENT);
        return new SignInPage(window);
    }
}
