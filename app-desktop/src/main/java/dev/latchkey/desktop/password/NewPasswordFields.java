package dev.latchkey.desktop.password;

import javafx.beans.property.BooleanProperty;
import javafx.beans.value.ObservableStringValue;
import javafx.fxml.FXML;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;

import dev.latchkey.desktop.Messages;
import dev.latchkey.desktop.ViewBindings;

/**
 * The new-password block shared by set-up, reset and account (an FXML include): the password twice,
 * show/hide, the live checklist, and the server's refusals beside the field.
 */
public final class NewPasswordFields {
    @FXML private Label newPasswordLabel;
    @FXML private PasswordField newPassword;
    @FXML private TextField newPasswordShown;
    @FXML private Label confirmLabel;
    @FXML private PasswordField confirmPassword;
    @FXML private TextField confirmPasswordShown;
    @FXML private CheckBox showPasswords;
    @FXML private PasswordChecklist checklist;
    @FXML private Label ruleErrors;

    public void bind(PasswordFeedback feedback, BooleanProperty show, ObservableStringValue refusals, Messages text,
                     Runnable submit) {
        newPasswordLabel.setLabelFor(newPassword);
        confirmLabel.setLabelFor(confirmPassword);
        newPassword.textProperty().bindBidirectional(feedback.passwordProperty());
        confirmPassword.textProperty().bindBidirectional(feedback.confirmationProperty());
        showPasswords.selectedProperty().bindBidirectional(show);
        Reveal.pair(newPassword, newPasswordShown, show);
        Reveal.pair(confirmPassword, confirmPasswordShown, show);
        checklist.bind(feedback, text);
        ViewBindings.message(ruleErrors, refusals);
        for (TextField field : new TextField[] {newPassword, newPasswordShown, confirmPassword, confirmPasswordShown}) {
            field.setOnAction(e -> submit.run());
        }
    }
}
