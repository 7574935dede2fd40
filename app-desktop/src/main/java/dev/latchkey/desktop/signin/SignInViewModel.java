package dev.latchkey.desktop.signin;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import dev.latchkey.desktop.AppContext;
import dev.latchkey.desktop.ScreenModel;
import dev.latchkey.desktop.navigation.Navigation;
import dev.latchkey.desktop.navigation.Screen;

public final class SignInViewModel extends ScreenModel {
    private final StringProperty email = new SimpleStringProperty();
    private final StringProperty password = new SimpleStringProperty("");
    private final StringProperty notice = new SimpleStringProperty();
    private final BooleanBinding canSubmit;

    public SignInViewModel(AppContext context, Navigation navigator) {
        super(context, navigator);
        // Back at sign-in, any reset or report journey is over: forget its code.
        context.resetToken().set(null);
        context.reportToken().set(null);
        email.set(context.signInEmail().get());
        notice.set(context.notice().get());
        context.notice().set("");
        canSubmit = Bindings.createBooleanBinding(() -> !email.get().isBlank() && !password.get().isEmpty()
                && !busyProperty().get(), email, password, busyProperty());
    }

    public StringProperty emailProperty() {
        return email;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public StringProperty noticeProperty() {
        return notice;
    }

    public BooleanBinding canSubmitProperty() {
        return canSubmit;
    }

    public void signIn() {
        if (!canSubmit.get()) {
            return;
        }
        String typedEmail = email.get().strip();
        String typedPassword = password.get();
        notice.set("");
        call(() -> context.client().signIn(typedEmail, typedPassword), session -> {
            password.set("");
            context.signInEmail().set(session.user().email());
            context.session().set(session);
            // Staff start where their work is; everyone else at their account.
            navigator.show(session.user().role().isStaff() ? Screen.HELPDESK : Screen.ACCOUNT);
        });
    }

    public void forgotPassword() {
        navigator.show(Screen.FORGOT);
    }
}
