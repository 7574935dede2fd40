package dev.latchkey.testkit.page;

import dev.latchkey.desktop.navigation.Screen;
import dev.latchkey.testkit.LatchkeyWindow;
import dev.latchkey.testkit.selector.FxId;

/** First run, with no account yet: create the administrator. */
public final class SetupPage extends PasswordFormPage<SetupPage> {
    public SetupPage(LatchkeyWindow window) {
        super(window, Screen.SETUP);
    }

    public SetupPage email(String email) {
        type(FxId.SETUP_EMAIL, email);
        return this;
    }

    public SetupPage name(String name) {
        type(FxId.SETUP_NAME, name);
        return this;
    }

    public boolean canCreate() {
        return !disabled(FxId.SETUP_CREATE);
    }

    /** Creates the administrator; the app then asks them to sign in. */
    public SignInPage create() {
        click(FxId.SETUP_CREATE);
        return new SignInPage(window);
    }
}
