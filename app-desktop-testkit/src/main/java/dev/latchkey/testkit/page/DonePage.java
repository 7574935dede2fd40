package dev.latchkey.testkit.page;

import dev.latchkey.desktop.navigation.Screen;
import dev.latchkey.testkit.LatchkeyWindow;
import dev.latchkey.testkit.selector.FxId;

/** The password is changed; the person signs in themselves (a reset never signs in). */
public final class DonePage extends Page<DonePage> {
    public DonePage(LatchkeyWindow window) {
        super(window, Screen.DONE);
    }

    public SignInPage backToSignIn() {
        click(FxId.DONE_BACK_TO_SIGN_IN);
        return new SignInPage(window);
    }
}
