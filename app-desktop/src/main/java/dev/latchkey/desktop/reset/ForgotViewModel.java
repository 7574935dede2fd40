package dev.latchkey.desktop.reset;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import dev.latchkey.api.EmailAddress;
import dev.latchkey.desktop.AppContext;
import dev.latchkey.desktop.ScreenModel;
import dev.latchkey.desktop.navigation.Navigation;
import dev.latchkey.desktop.navigation.Screen;

/** Email entry, then the generic confirmation: the same words whether or not the account exists. */
public final class ForgotViewModel extends ScreenModel {
    private final StringProperty email = new SimpleStringProperty();
    private final BooleanProperty sent = new SimpleBooleanProperty();
    private final StringProperty confirmation = new SimpleStringProperty("");
    private final BooleanBinding canSubmit;

    public ForgotViewModel(AppContext context, Navigation navigator) {
        super(context, navigator);
        email.set(context.signInEmail().get());
        canSubmit = Bindings.createBooleanBinding(() -> !email.get().isBlank() && !busyProperty().get(), email,
                busyProperty());
    }

    public StringProperty emailProperty() {
        return email;
    }

    public BooleanProperty sentProperty() {
        return sent;
    }

    public StringProperty confirmationProperty() {
        return confirmation;
    }

    public BooleanBinding canSubmitProperty() {
        return canSubmit;
    }

    public boolean localMailbox() {
        return context.local().isPresent();
    }

    public void submit() {
        if (!canSubmit.get()) {
            return;
        }
        var normalized = EmailAddress.normalize(email.get());
        if (normalized.isEmpty()) {
            errorProperty().set(text().get("forgot.invalidEmail"));
            return;
        }
        call(() -> context.client().requestReset(normalized.get()), message -> {
            context.signInEmail().set(normalized.get());
            // The server's words: the same for every address, and they say how long the code works.
            confirmation.set(localMailbox() ? message + "\n\n" + text().get("forgot.localHint") : message);
            sent.set(true);
        });
    }

    public void haveCode() {
        navigator.show(Screen.TOKEN);
    }

    public void backToSignIn() {
        navigator.show(Screen.SIGN_IN);
    }
}
