package dev.latchkey.testkit.page;

import dev.latchkey.desktop.navigation.Screen;
import dev.latchkey.testkit.LatchkeyWindow;
import dev.latchkey.testkit.selector.FxId;

/** Signed in: who you are, change the password, sign out. */
public final class AccountPage extends PasswordFormPage<AccountPage> {
    public AccountPage(LatchkeyWindow window) {
        super(window, Screen.ACCOUNT);
    }

    /** Waits until the account's details came from the server. */
    public AccountPage awaitDetails() {
        awaitText(FxId.ACCOUNT_DETAILS);
        return this;
    }

    public String name() {
        return text(FxId.ACCOUNT_NAME);
    }

    public String email() {
        return text(FxId.ACCOUNT_EMAIL);
    }

    /** Role and account facts. */
    public String details() {
        return text(FxId.ACCOUNT_DETAILS);
    }

    /** Whether the account has a second factor, and how many recovery codes are left, in words. */
    public String secondFactorStatus() {
        return awaitText(FxId.ACCOUNT_SECOND_FACTOR_STATUS);
    }

    public SecondFactorPage manageSecondFactor() {
        click(FxId.ACCOUNT_MANAGE_SECOND_FACTOR);
        return new SecondFactorPage(window);
    }

    public AccountPage currentPassword(String password) {
        type(FxId.ACCOUNT_CURRENT_PASSWORD, password);
        return this;
    }

    /** Changes the password (current and new typed first) and waits for the outcome; returns its words. */
    public String changePassword() {
        click(FxId.ACCOUNT_CHANGE_PASSWORD);
        LatchkeyWindow.await(() -> visible(FxId.ACCOUNT_SUCCESS) && !text(FxId.ACCOUNT_SUCCESS).isEmpty()
                || visible(FxId.ACCOUNT_ERROR) && !text(FxId.ACCOUNT_ERROR).isEmpty(), () -> "the change's outcome");
        return visible(FxId.ACCOUNT_SUCCESS) ? text(FxId.ACCOUNT_SUCCESS) : text(FxId.ACCOUNT_ERROR);
    }

    public SignInPage signOut() {
        click(FxId.ACCOUNT_SIGN_OUT);
        return new SignInPage(window);
    }
}
