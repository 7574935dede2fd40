package dev.latchkey.testkit.page;

import dev.latchkey.desktop.navigation.Screen;
import dev.latchkey.testkit.LatchkeyWindow;
import dev.latchkey.testkit.selector.FxId;

/** Sign in, with the way to "Forgot password?". */
public final class SignInPage extends Page<SignInPage> {
    public SignInPage(LatchkeyWindow window) {
        super(window, Screen.SIGN_IN);
    }

    public SignInPage email(String email) {
        type(FxId.SIGN_IN_EMAIL, email);
        return this;
    }

    public SignInPage password(String password) {
        type(FxId.SIGN_IN_PASSWORD, password);
        return this;
    }

    /** Types the authenticator app's code, or a recovery code after {@link #useRecoveryCode()}. */
    public SignInPage secondFactor(String code) {
        typeSecondFactor(code);
        return this;
    }

    /** Switches the code field to a recovery code (and back). */
    public SignInPage useRecoveryCode() {
        click(FxId.SECOND_FACTOR_USE_RECOVERY_CODE);
        return this;
    }

    /** Submits the password, for an account with a second factor: waits until the code is asked for. */
    public SignInPage submitForSecondFactor() {
        click(FxId.SIGN_IN_SUBMIT);
        LatchkeyWindow.await(() -> visible(FxId.SIGN_IN_SECOND_FACTOR_BOX), () -> "the second factor to be asked for");
        return this;
    }

    /** Signs in a user: their account screen. */
    public AccountPage submit() {
        click(FxId.SIGN_IN_SUBMIT);
        return new AccountPage(window);
    }

    /** Signs in help-desk staff or an administrator: they land in the help desk. */
    public HelpdeskPage submitAsStaff() {
        click(FxId.SIGN_IN_SUBMIT);
        return new HelpdeskPage(window);
    }

    /** Signs in staff whose account has no second factor yet: the app asks them to set one up. */
    public SecondFactorPage submitForSetUp() {
        click(FxId.SIGN_IN_SUBMIT);
        return new SecondFactorPage(window);
    }

    /** Signs in expecting a refusal; returns its words. */
    public String submitRefused() {
        click(FxId.SIGN_IN_SUBMIT);
        return awaitError();
    }

    public String awaitError() {
        return awaitText(FxId.SIGN_IN_ERROR);
    }

    public ForgotPage forgotPassword() {
        click(FxId.SIGN_IN_FORGOT_PASSWORD);
        return new ForgotPage(window);
    }

    /** The address in the email field (filled in after a reset or first run). */
    public String enteredEmail() {
        return text(FxId.SIGN_IN_EMAIL);
    }

    public String notice() {
        return text(FxId.SIGN_IN_NOTICE);
    }
}
