package dev.latchkey.desktop.password;

import java.util.EnumMap;
import java.util.Map;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;

import dev.latchkey.password.PasswordCheck;
import dev.latchkey.password.PasswordPolicy;
import dev.latchkey.password.PasswordRule;

/**
 * Live feedback on a new password typed twice, computed by the shared policy (the same code the server
 * enforces): each rule met or not, the strength score, whether the two entries match. When the owner's
 * address is not known (a reset shows only a masked one), the email rule is left to the server.
 */
public final class PasswordFeedback {
    /** Where a rule stands for the password typed so far. */
    public enum State { MET, UNMET, CHECKED_ON_SUBMIT }

    private final PasswordPolicy policy;
    private final StringProperty password = new SimpleStringProperty("");
    private final StringProperty confirmation = new SimpleStringProperty("");
    private final ObservableValue<String> email;
    private final Map<PasswordRule, SimpleObjectProperty<State>> states = new EnumMap<>(PasswordRule.class);
    private final IntegerProperty score = new SimpleIntegerProperty();
    private final BooleanBinding acceptable;
    private final BooleanBinding matches;

    public PasswordFeedback(PasswordPolicy policy, ObservableValue<String> email) {
        this.policy = policy;
        this.email = email;
        for (PasswordRule rule : PasswordRule.values()) {
            states.put(rule, new SimpleObjectProperty<>(State.UNMET));
        }
        password.addListener((obs, old, now) -> recheck());
        email.addListener((obs, old, now) -> recheck());
        matches = Bindings.createBooleanBinding(() -> !password.get().isEmpty()
                && password.get().equals(confirmation.get()), password, confirmation);
        acceptable = Bindings.createBooleanBinding(
                () -> states.values().stream().noneMatch(s -> s.get() == State.UNMET),
                states.values().toArray(new SimpleObjectProperty<?>[0]));
        recheck();
    }

    public PasswordPolicy policy() {
        return policy;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public StringProperty confirmationProperty() {
        return confirmation;
    }

    public ObservableValue<State> stateOf(PasswordRule rule) {
        return states.get(rule);
    }

    public ReadOnlyIntegerProperty scoreProperty() {
        return score;
    }

    /** Every rule the app can check is met (the email rule may still be checked by the server). */
    public BooleanBinding acceptableProperty() {
        return acceptable;
    }

    public BooleanBinding matchesProperty() {
        return matches;
    }

    private void recheck() {
        String owner = email.getValue();
        boolean ownerKnown = owner != null && !owner.isBlank();
        PasswordCheck check = policy.check(password.get(), ownerKnown ? owner : null);
        for (PasswordRule rule : PasswordRule.values()) {
            State state;
            if (rule == PasswordRule.NOT_EMAIL_NAME && !ownerKnown) {
                state = State.CHECKED_ON_SUBMIT;
            } else {
                state = check.passes(rule) && !password.get().isEmpty() ? State.MET : State.UNMET;
            }
            states.get(rule).set(state);
        }
        score.set(password.get().isEmpty() ? 0 : check.score());
    }
}
