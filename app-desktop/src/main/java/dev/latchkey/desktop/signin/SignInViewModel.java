package dev.latchkey.desktop.signin;

import java.net.URI;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import dev.latchkey.desktop.AppContext;
import dev.latchkey.desktop.ScreenModel;
import dev.latchkey.desktop.client.ApiError;
import dev.latchkey.desktop.client.AuthClient;
import dev.latchkey.desktop.navigation.Navigation;
import dev.latchkey.desktop.navigation.Screen;
import dev.latchkey.desktop.secondfactor.SecondFactorInput;

public final class SignInViewModel extends ScreenModel {
    private final StringProperty email = new SimpleStringProperty();
    private final StringProperty password = new SimpleStringProperty("");
    private final StringProperty notice = new SimpleStringProperty();
    private final StringProperty plainHttpWarning = new SimpleStringProperty("");
    private final SecondFactorInput secondFactor = new SecondFactorInput();
    private final BooleanProperty secondFactorAsked = new SimpleBooleanProperty();
    private final BooleanBinding canSubmit;

    public SignInViewModel(AppContext context, Navigation navigator) {
        super(context, navigator);
        // Back at sign-in, any reset or report journey is over: forget its code.
        context.resetToken().set(null);
        context.reportToken().set(null);
        email.set(context.signInEmail().get());
        notice.set(context.notice().get());
        context.notice().set("");
        // The password typed here would cross the network readable: say so before it is typed.
        URI server = context.client().base();
        if (AuthClient.plainHttpToAnotherMachine(server)) {
            plainHttpWarning.set(text().get("signin.plainHttp", server.getHost()));
        }
        canSubmit = Bindings.createBooleanBinding(() -> !email.get().isBlank() && !password.get().isEmpty()
                        && (!secondFactorAsked.get() || secondFactor.presentProperty().get()) && !busyProperty().get(),
                email, password, secondFactorAsked, secondFactor.presentProperty(), busyProperty());
        // Another address is another account: whether it has a factor is the server's to say again.
        email.addListener((obs, old, now) -> {
            secondFactorAsked.set(false);
            secondFactor.clear();
        });
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

    /** Empty unless the server is another machine reached over plain http. */
    public StringProperty plainHttpWarningProperty() {
        return plainHttpWarning;
    }

    public SecondFactorInput secondFactor() {
        return secondFactor;
    }

    /** Whether the server asked for this account's second factor: the code field shows then. */
    public BooleanProperty secondFactorAskedProperty() {
        return secondFactorAsked;
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
        String code = secondFactorAsked.get() ? secondFactor.value() : null;
        notice.set("");
        call(() -> context.client().signIn(typedEmail, typedPassword, code), session -> {
            password.set("");
            secondFactor.clear();
            context.signInEmail().set(session.user().email());
            context.session().set(session);
            if (session.secondFactorSetupRequired()) {
                // Staff without a factor: no help-desk route answers them until they set one up.
                context.notice().set(text().get("secondFactor.requiredForStaff"));
                navigator.show(Screen.SECOND_FACTOR);
                return;
            }
            // Staff start where their work is; everyone else at their account.
            navigator.show(session.user().role().isStaff() ? Screen.HELPDESK : Screen.ACCOUNT);
        }, failure -> {
            if (failure instanceof ApiError e && e.kind() == ApiError.Kind.SECOND_FACTOR_REQUIRED) {
                // The password was right: now the code, without a word of error.
                secondFactorAsked.set(true);
                notice.set(text().get("signin.secondFactor"));
                return;
            }
            if (failure instanceof ApiError e && e.kind() == ApiError.Kind.INVALID_SECOND_FACTOR) {
                secondFactor.clear();
            }
            showError(failure);
        });
    }

    public void forgotPassword() {
        navigator.show(Screen.FORGOT);
    }
}
