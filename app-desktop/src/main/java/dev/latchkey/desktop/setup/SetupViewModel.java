package dev.latchkey.desktop.setup;

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
import dev.latchkey.desktop.password.PasswordFeedback;
import dev.latchkey.server.user.AccountRefused;

/** First run: no account exists yet, so the person at the machine creates the administrator. */
public final class SetupViewModel extends ScreenModel {
    private final StringProperty email = new SimpleStringProperty("");
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty normalizedEmail = new SimpleStringProperty("");
    private final BooleanProperty show = new SimpleBooleanProperty();
    private final PasswordFeedback feedback;
    private final BooleanBinding canCreate;

    public SetupViewModel(AppContext context, Navigation navigator) {
        super(context, navigator);
        email.addListener((obs, old, now) -> normalizedEmail.set(EmailAddress.normalize(now).orElse("")));
        feedback = new PasswordFeedback(context.policy(), normalizedEmail);
        canCreate = Bindings.createBooleanBinding(() -> !normalizedEmail.get().isEmpty()
                        && feedback.acceptableProperty().get() && feedback.matchesProperty().get() && !busyProperty().get(),
                normalizedEmail, feedback.acceptableProperty(), feedback.matchesProperty(), busyProperty());
    }

    public StringProperty emailProperty() {
        return email;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public BooleanProperty showProperty() {
        return show;
    }

    public PasswordFeedback feedback() {
        return feedback;
    }

    public BooleanBinding canCreateProperty() {
        return canCreate;
    }

    public void create() {
        if (!canCreate.get() || context.local().isEmpty()) {
            return;
        }
        String address = email.get();
        String displayName = name.get();
        String password = feedback.passwordProperty().get();
        call(() -> context.local().get().accounts().createFirstAdministrator(address, displayName, password), admin -> {
            context.signInEmail().set(admin.email());
            context.notice().set(text().get("setup.created", admin.email()));
            navigator.show(Screen.SIGN_IN);
        }, failure -> errorProperty().set(failure instanceof AccountRefused refused
                ? String.join("\n", refused.reasons(text().locale())) : text().describe(failure)));
    }
}
