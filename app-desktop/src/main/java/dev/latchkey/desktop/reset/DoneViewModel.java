package dev.latchkey.desktop.reset;

import dev.latchkey.desktop.AppContext;
import dev.latchkey.desktop.ScreenModel;
import dev.latchkey.desktop.navigation.Navigation;
import dev.latchkey.desktop.navigation.Screen;

/** The reset is done; the user signs in themselves (no automatic sign-in). */
public final class DoneViewModel extends ScreenModel {
    public DoneViewModel(AppContext context, Navigation navigator) {
        super(context, navigator);
    }

    public void backToSignIn() {
        navigator.show(Screen.SIGN_IN);
    }
}
