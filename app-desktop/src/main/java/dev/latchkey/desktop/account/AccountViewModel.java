package dev.latchkey.desktop.account;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import dev.latchkey.api.Responses.Me;
import dev.latchkey.api.Responses.SecondFactorStatus;
import dev.latchkey.api.Responses.SessionResponse;
import dev.latchkey.desktop.AppContext;
import dev.latchkey.desktop.ScreenModel;
import dev.latchkey.desktop.client.ApiError;
import dev.latchkey.desktop.navigation.Navigation;
import dev.latchkey.desktop.navigation.Screen;
import dev.latchkey.desktop.password.PasswordFeedback;

/** Who is signed in, their password change, and sign-out. */
public final class AccountViewModel extends ScreenModel {
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty email = new SimpleStringProperty("");
    private final StringProperty details = new SimpleStringProperty("");
    private final StringProperty currentPassword = new SimpleStringProperty("");
    private final StringProperty success = new SimpleStringProperty("");
    private final StringProperty secondFactor = new SimpleStringProperty("");
    private final StringProperty ruleErrors = new SimpleStringProperty("");
    private final BooleanProperty show = new SimpleBooleanProperty();
    private final PasswordFeedback feedback;
    private final BooleanBinding canChange;

    public AccountViewModel(AppContext context, Navigation navigator) {
        super(context, navigator);
        feedback = new PasswordFeedback(context.policy(), email);
        canChange = Bindings.createBooleanBinding(() -> !currentPassword.get().isEmpty()
                        && feedback.acceptableProperty().get() && feedback.matchesProperty().get() && !busyProperty().get(),
                currentPassword, feedback.acceptableProperty(), feedback.matchesProperty(), busyProperty());
        SessionResponse session = context.session().get();
        if (session != null) {
            name.set(session.user().displayName());
            email.set(session.user().email());
        }
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty emailProperty() {
        return email;
    }

    public StringProperty detailsProperty() {
        return details;
    }

    /** Whether the account has a second factor, and how many recovery codes are left, in words. */
    public StringProperty secondFactorProperty() {
        return secondFactor;
    }

    public StringProperty currentPasswordProperty() {
        return currentPassword;
    }

    public StringProperty successProperty() {
        return success;
    }

    public StringProperty ruleErrorsProperty() {
        return ruleErrors;
    }

    public BooleanProperty showProperty() {
        return show;
    }

    public PasswordFeedback feedback() {
        return feedback;
    }

    public BooleanBinding canChangeProperty() {
        return canChange;
    }

    /** Loads the account from the server: the session may have ended since sign-in. */
    public void load() {
        String session = token();
        if (session == null) {
            navigator.show(Screen.SIGN_IN);
            return;
        }
        call(() -> new Loaded(context.client().me(session), context.client().secondFactorStatus(session)),
                this::show, this::failed);
    }

    private record Loaded(Me me, SecondFactorStatus secondFactor) {
    }

    public void manageSecondFactor() {
        navigator.show(Screen.SECOND_FACTOR);
    }

    public void changePassword() {
        if (!canChange.get()) {
            return;
        }
        String current = currentPassword.get();
        String next = feedback.passwordProperty().get();
        success.set("");
        ruleErrors.set("");
        call(() -> context.client().changePassword(token(), current, next), message -> {
            currentPassword.set("");
            feedback.passwordProperty().set("");
            feedback.confirmationProperty().set("");
            success.set(message);
            load();
        }, failure -> {
            if (failure instanceof ApiError e && e.kind() == ApiError.Kind.WEAK_PASSWORD) {
                ruleErrors.set(String.join("\n", e.details()));
            }
            failed(failure);
        });
    }

    public void signOut() {
        String session = token();
        call(() -> {
            context.client().signOut(session);
            return null;
        }, done -> leave(text().get("signin.signedOut")), failure -> leave(text().get("signin.signedOut")));
    }

    private void show(Loaded loaded) {
        Me me = loaded.me();
        secondFactor.set(loaded.secondFactor().enabled()
                ? text().get("account.secondFactor.on", loaded.secondFactor().recoveryCodesLeft())
                : text().get("account.secondFactor.off"));
        name.set(me.displayName());
        email.set(me.email());
        String changed = me.passwordChangedAt() == null ? text().get("account.never")
                : text().when(me.passwordChangedAt());
        details.set(text().get("account.details", text().words("role.", me.role().name()), changed));
    }

    private void failed(Exception failure) {
        if (failure instanceof ApiError e && e.kind() == ApiError.Kind.UNAUTHORIZED) {
            leave(text().get("error.unauthorized"));
        } else {
            showError(failure);
        }
    }

    private void leave(String notice) {
        context.session().set(null);
        context.notice().set(notice);
        navigator.show(Screen.SIGN_IN);
    }

    private String token() {
        SessionResponse session = context.session().get();
        return session == null ? null : session.token();
    }
}
