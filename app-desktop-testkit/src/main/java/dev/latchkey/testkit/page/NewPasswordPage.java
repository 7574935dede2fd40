package dev.latchkey.testkit.page;

import dev.latchkey.desktop.navigation.Screen;
import dev.latchkey.testkit.LatchkeyWindow;
import dev.latchkey.testkit.selector.FxId;

/** The new password, typed twice, for the verified code. */
public final class NewPasswordPage extends PasswordFormPage<NewPasswordPage> {
    public NewPasswordPage(LatchkeyWindow window) {
        super(window, Screen.NEW_PASSWORD);
    }

    /** The masked address the code is for. */
    public String forAccount() {
        return text(FxId.NEW_PASSWORD_FOR_ACCOUNT);
    }

    /** Types the authenticator app's code, or a recovery code after {@link #useRecoveryCode()}. */
    public NewPasswordPage secondFactor(String code) {
        typeSecondFactor(code);
        return this;
    }

    /** Switches the code field to a recovery code (and back). */
    public NewPasswordPage useRecoveryCode() {
        click(FxId.SECOND_FACTOR_USE_RECOVERY_CODE);
        return this;
    }

    /** Whether the account's second factor is asked for. */
    public boolean asksSecondFactor() {
        return visible(FxId.NEW_PASSWORD_SECOND_FACTOR_BOX);
    }

    /** Sets the password expecting a refusal (a wrong code, say); returns its words. */
    public String setPasswordRefusedWith() {
        click(FxId.NEW_PASSWORD_SET_PASSWORD);
        return awaitText(FxId.NEW_PASSWORD_ERROR);
    }

    public boolean canSetPassword() {
        return !disabled(FxId.NEW_PASSWORD_SET_PASSWORD);
    }

    public DonePage setPassword() {
        click(FxId.NEW_PASSWORD_SET_PASSWORD);
        return new DonePage(window);
    }

    /** Submits a password the server will refuse; returns the refusal shown beside the fields. */
    public String setPasswordRefused() {
        click(FxId.NEW_PASSWORD_SET_PASSWORD);
        return awaitRuleErrors();
    }
}
