package dev.latchkey.desktop.password;

import java.util.List;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import dev.latchkey.desktop.Messages;
import dev.latchkey.password.PasswordRule;
import dev.latchkey.password.StrengthWords;

/**
 * The live checklist and strength meter under a new-password field. Every line carries its state in
 * words too (for screen readers), not only in colour or symbol.
 */
public final class PasswordChecklist extends VBox {
    private static final List<String> STATE_CLASSES = List.of("rule-met", "rule-unmet", "rule-later");

    public PasswordChecklist() {
        getStyleClass().add("password-checklist");
        setSpacing(4);
    }

    public void bind(PasswordFeedback feedback, Messages text) {
        getChildren().clear();
        ProgressBar meter = new ProgressBar();
        meter.setId("strengthMeter");
        meter.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(meter, Priority.ALWAYS);
        meter.progressProperty().bind(feedback.scoreProperty().divide(4.0));
        Label strength = new Label();
        strength.setId("strengthLabel");
        strength.textProperty().bind(Bindings.createStringBinding(
                () -> feedback.passwordProperty().get().isEmpty() ? StrengthWords.none(text.locale())
                        : StrengthWords.of(feedback.scoreProperty().get(), text.locale()),
                feedback.scoreProperty(), feedback.passwordProperty()));
        feedback.scoreProperty().addListener((obs, old, now) -> level(meter, now.intValue()));
        level(meter, feedback.scoreProperty().get());
        meter.accessibleTextProperty().bind(strength.textProperty());
        HBox meterRow = new HBox(8, meter, strength);
        meterRow.getStyleClass().add("strength-row");
        getChildren().add(meterRow);
        for (PasswordRule rule : PasswordRule.values()) {
            if (rule == PasswordRule.MAX_LENGTH) {
                continue; // Shown only if broken, as a refusal; listing it would only add noise.
            }
            getChildren().add(line("rule-" + rule.name(), rule.requirement(feedback.policy(), text.locale()),
                    feedback.stateOf(rule), text));
        }
        ObservableValue<PasswordFeedback.State> matchState = Bindings.createObjectBinding(
                () -> feedback.matchesProperty().get() ? PasswordFeedback.State.MET : PasswordFeedback.State.UNMET,
                feedback.matchesProperty());
        getChildren().add(line("rule-MATCH", text.get("password.match"), matchState, text));
    }

    private static Label line(String id, String requirement, ObservableValue<PasswordFeedback.State> state,
                              Messages text) {
        Label label = new Label();
        label.setId(id);
        label.setWrapText(true);
        label.textProperty().bind(Bindings.createStringBinding(() -> switch (state.getValue()) {
            case MET -> "\u2713  " + requirement;
            case UNMET -> "\u2717  " + requirement;
            case CHECKED_ON_SUBMIT -> text.get("password.rule.later", "\u2022  " + requirement);
        }, state));
        label.accessibleTextProperty().bind(Bindings.createStringBinding(
                () -> text.get("password.rule.state", requirement, text.get("password.state." + state.getValue().name())),
                state));
        state.addListener((obs, old, now) -> style(label, now));
        style(label, state.getValue());
        return label;
    }

    /** Red below the policy's bar, amber just under, green at or above: colour follows the score. */
    private static void level(ProgressBar meter, int score) {
        meter.getStyleClass().removeAll(List.of("strength-low", "strength-mid", "strength-high"));
        meter.getStyleClass().add(score <= 1 ? "strength-low" : score == 2 ? "strength-mid" : "strength-high");
    }

    private static void style(Label label, PasswordFeedback.State state) {
        label.getStyleClass().removeAll(STATE_CLASSES);
        label.getStyleClass().add(switch (state) {
            case MET -> "rule-met";
            case UNMET -> "rule-unmet";
            case CHECKED_ON_SUBMIT -> "rule-later";
        });
    }
}
