package dev.latchkey.desktop.account;

import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;

import dev.latchkey.desktop.Messages;
import dev.latchkey.desktop.ViewBindings;
import dev.latchkey.desktop.password.NewPasswordFields;

public final class AccountView {
    private final AccountViewModel viewModel;
    private final Messages text;
    @FXML private Label name;
    @FXML private Label email;
    @FXML private Label details;
    @FXML private Label currentPasswordLabel;
    @FXML private PasswordField currentPassword;
    @FXML private NewPasswordFields passwordFieldsController;
    @FXML private Label error;
    @FXML private Label success;
    @FXML private Button changePassword;
    @FXML private Button signOut;
    @FXML private Label secondFactorStatus;
    @FXML private Button manageSecondFactor;
    @FXML private ProgressIndicator progress;

    public AccountView(AccountViewModel viewModel, Messages text) {
        this.viewModel = viewModel;
        this.text = text;
    }

    @FXML
    private void initialize() {
        name.textProperty().bind(viewModel.nameProperty());
        email.textProperty().bind(viewModel.emailProperty());
        details.textProperty().bind(viewModel.detailsProperty());
        currentPasswordLabel.setLabelFor(currentPassword);
        currentPassword.textProperty().bindBidirectional(viewModel.currentPasswordProperty());
        passwordFieldsController.bind(viewModel.feedback(), viewModel.showProperty(), viewModel.ruleErrorsProperty(),
                text, viewModel::changePassword);
        ViewBindings.message(error, viewModel.errorProperty());
        ViewBindings.message(success, viewModel.successProperty());
        ViewBindings.busy(progress, viewModel.busyProperty());
        changePassword.disableProperty().bind(viewModel.canChangeProperty().not());
        signOut.disableProperty().bind(viewModel.busyProperty());
        secondFactorStatus.textProperty().bind(viewModel.secondFactorProperty());
        manageSecondFactor.disableProperty().bind(viewModel.busyProperty());
        viewModel.load();
    }

    @FXML
    private void changePassword() {
        viewModel.changePassword();
    }

    @FXML
    private void manageSecondFactor() {
        viewModel.manageSecondFactor();
    }

    @FXML
    private void signOut() {
        viewModel.signOut();
    }
}
