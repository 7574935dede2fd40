package dev.latchkey.desktop.reset;

import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.VBox;

import dev.latchkey.desktop.Messages;
import dev.latchkey.desktop.ViewBindings;
import dev.latchkey.desktop.password.NewPasswordFields;
import dev.latchkey.desktop.secondfactor.SecondFactorFields;

public final class NewPasswordView {
    private final NewPasswordViewModel viewModel;
    private final Messages text;
    @FXML private Label forAccount;
    @FXML private NewPasswordFields passwordFieldsController;
    @FXML private VBox secondFactorBox;
    @FXML private SecondFactorFields secondFactorFieldsController;
    @FXML private Label error;
    @FXML private Hyperlink askAgain;
    @FXML private Button setPassword;
    @FXML private ProgressIndicator progress;

    public NewPasswordView(NewPasswordViewModel viewModel, Messages text) {
        this.viewModel = viewModel;
        this.text = text;
    }

    @FXML
    private void initialize() {
        forAccount.textProperty().bind(viewModel.headingProperty());
        passwordFieldsController.bind(viewModel.feedback(), viewModel.showProperty(), viewModel.ruleErrorsProperty(),
                text, viewModel::submit);
        secondFactorFieldsController.bind(viewModel.secondFactor(), text, viewModel::submit);
        ViewBindings.shownWhen(secondFactorBox, viewModel.secondFactorAskedProperty());
        ViewBindings.message(error, viewModel.errorProperty());
        ViewBindings.shownWhen(askAgain, viewModel.tokenRejectedProperty());
        ViewBindings.busy(progress, viewModel.busyProperty());
        setPassword.disableProperty().bind(viewModel.canSubmitProperty().not());
    }

    @FXML
    private void submit() {
        viewModel.submit();
    }

    @FXML
    private void askAgain() {
        viewModel.askAgain();
    }
}
