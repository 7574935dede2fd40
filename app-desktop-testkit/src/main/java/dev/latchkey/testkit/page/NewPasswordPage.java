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
