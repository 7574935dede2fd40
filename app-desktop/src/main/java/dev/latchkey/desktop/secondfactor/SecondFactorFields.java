package dev.latchkey.desktop.secondfactor;

import javafx.fxml.FXML;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;

import dev.latchkey.desktop.Messages;

/**
 * The second-factor block shared by sign-in, a reset's new password and the second-factor screen (an
 * FXML include): the code field, and the switch to a recovery code and back.
 */
public final class SecondFactorFields {
    @FXML private Label secondFactorLabel;
    @FXML private TextField secondFactor;
    @FXML private Hyperlink useRecoveryCode;

    public void bind(SecondFactorInput input, Messages text, Runnable submit) {
        secondFactorLabel.setLabelFor(secondFactor);
        secondFactor.textProperty().bindBidirectional(input.codeProperty());
        secondFactor.setOnAction(e -> submit.run());
        input.recoveryProperty().addListener((obs, old, recovery) -> show(recovery, text));
        show(input.recoveryProperty().get(), text);
        useRecoveryCode.setOnAction(e -> {
            input.toggle();
            secondFactor.requestFocus();
        });
    }

    /** Puts the cursor in the code field (when the server has just asked for a code). */
    public void focus() {
        secondFactor.requestFocus();
    }

    private void show(boolean recovery, Messages text) {
        secondFactorLabel.setText(text.get(recovery ? "secondFactor.recoveryCode" : "secondFactor.code"));
        secondFactor.setAccessibleText(text.get(recovery ? "secondFactor.recoveryCode.accessible"
                : "secondFactor.code.accessible"));
        secondFactor.setPromptText(recovery ? "xxxx-xxxx-xxxx-xxxx-xxxx-xxxx" : "123456");
        useRecoveryCode.setText(text.get(recovery ? "secondFactor.useCode" : "secondFactor.useRecoveryCode"));
    }
}
