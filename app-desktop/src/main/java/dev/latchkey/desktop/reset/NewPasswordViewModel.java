package dev.latchkey.desktop.reset;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import dev.latchkey.desktop.AppContext;
import dev.latchkey.desktop.ScreenModel;
import dev.latchkey.desktop.client.ApiError;
import dev.latchkey.desktop.navigation.Navigation;
import dev.latchkey.desktop.navigation.Screen;
import dev.latchkey.desktop.password.PasswordFeedback;
import dev.latchkey.desktop.secondfactor.SecondFactorInput;

/** The new password, typed twice, checked live by the shared policy, then sent with the token. */
public final class NewPasswordViewModel extends ScreenModel {
    private final PasswordFeedback feedback;
    private final BooleanProperty show = new SimpleBooleanProperty();
    private final StringProperty heading = new SimpleStringProperty("");
    private final StringProperty ruleErrors = new SimpleStringProperty("");
    private final BooleanProperty tokenRejected = new SimpleBooleanProperty();
    private final SecondFactorInput secondFactor = new SecondFactorInput();
    private final BooleanProperty secondFactorAsked = new SimpleBooleanProperty();
    private final BooleanBinding canSubmit;

    public NewPasswordViewModel(AppContext context, Navigation navigator) {
        super(context, navigator);
        // A reset shows only the masked address, so the email rule is the server's to check.
        feedback = new PasswordFeedback(context.policy(), new SimpleStringProperty(""));
        AppContext.VerifiedToken token = context.resetToken().get();
        if (token != null) {
            heading.set(text().get("newPassword.for", token.info().email(),
                    text().when(token.info().expiresAt())));
            // The account has a second factor: a reset link alone does not set its password.
            secondFactorAsked.set(token.info().secondFactor());
        }
        feedback.passwordProperty().addListener((obs, old, now) -> ruleErrors.set(""));
        canSubmit = Bindings.createBooleanBinding(() -> feedback.acceptableProperty().get()
                        && feedback.matchesProperty().get() && !busyProperty().get() && !tokenRejected.get()
                        && (!secondFactorAsked.get() || secondFactor.presentProperty().get()),
                feedback.acceptableProperty(), feedback.matchesProperty(), busyProperty(), tokenRejected,
                secondFactorAsked, secondFactor.presentProperty());
    }

    public PasswordFeedback feedback() {
        return feedback;
    }

    public BooleanProperty showProperty() {
        return show;
    }

    public StringProperty headingProperty() {
        return heading;
    }

    public StringProperty ruleErrorsProperty() {
        return ruleErrors;
    }

    public BooleanProperty tokenRejectedProperty() {
        return tokenRejected;
    }

    public SecondFactorInput secondFactor() {
        return secondFactor;
    }

    /** Whether the account's second factor is asked for: the code field shows then. */
    public BooleanProperty secondFactorAskedProperty() {
        return secondFactorAsked;
    }

    public BooleanBinding canSubmitProperty() {
        return canSubmit;
    }

    public void submit() {
        AppContext.VerifiedToken token = context.resetToken().get();
        if (!canSubmit.get() || token == null) {
            return;
        }
        String password = feedback.passwordProperty().get();
        String code = secondFactorAsked.get() ? secondFactor.value() : null;
        call(() -> context.client().completeReset(token.token(), password, code), message -> {
            context.resetToken().set(null);
            navigator.show(Screen.DONE);
        }, failure -> {
            if (failure instanceof ApiError e && e.kind() == ApiError.Kind.WEAK_PASSWORD) {
                ruleErrors.set(String.join("\n", e.details()));
            } else if (failure instanceof ApiError e && e.kind() == ApiError.Kind.INVALID_TOKEN) {
                tokenRejected.set(true);
            } else if (failure instanceof ApiError e && (e.kind() == ApiError.Kind.INVALID_SECOND_FACTOR
                    || e.kind() == ApiError.Kind.SECOND_FACTOR_REQUIRED)) {
                // A factor added since the code was checked, or a wrong code: ask (again), the link still works.
                secondFactorAsked.set(true);
                secondFactor.clear();
            }
            showError(failure);
        });
    }

    public void askAgain() {
        navigator.show(Screen.FORGOT);
    }
}
