package dev.latchkey.desktop.secondfactor;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * What a person types as their second factor: the six digits of their authenticator app, or, after
 * "use a recovery code instead", one of their recovery codes. The server tells the two apart.
 */
public final class SecondFactorInput {
    private final StringProperty code = new SimpleStringProperty("");
    private final BooleanProperty recovery = new SimpleBooleanProperty();
    private final BooleanBinding present = Bindings.createBooleanBinding(() -> !code.get().isBlank(), code);

    public StringProperty codeProperty() {
        return code;
    }

    /** Whether a recovery code is asked for instead of the app's code. */
    public BooleanProperty recoveryProperty() {
        return recovery;
    }

    public BooleanBinding presentProperty() {
        return present;
    }

    /** Switches between the app's code and a recovery code; what was typed goes. */
    public void toggle() {
        recovery.set(!recovery.get());
        code.set("");
    }

    /** What to send: the text without its surrounding white space. */
    public String value() {
        return code.get().strip();
    }

    public void clear() {
        code.set("");
    }
}
