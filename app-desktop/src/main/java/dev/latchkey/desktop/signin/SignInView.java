package dev.latchkey.desktop.signin;

import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;

import dev.latchkey.desktop.Messages;
import dev.latchkey.desktop.ViewBindings;
import dev.latchkey.desktop.secondfactor.SecondFactorFields;

public final class SignInView {
    private final SignInViewModel viewModel;
    private final Messages text;
    @FXML private Label notice;
    @FXML private Label plainHttpWarning;
    @FXML private Label emailLabel;
    @FXML private TextField email;
    @FXML private Label passwordLabel;
    @FXML private PasswordField password;
    @FXML private VBox secondFactorBox;
    @FXML private SecondFactorFields secondFactorFieldsController;
    @FXML private Label error;
    @FXML private Button signIn;
    @FXML private ProgressIndicator progress;
    @FXML private Hyperlink forgotPassword;

    public SignInView(SignInViewModel viewModel, Messages text) {
        this.viewModel = viewModel;
        this.text = text;
    }

    @FXML
    private void initialize() {
        emailLabel.setLabelFor(email);
        passwordLabel.setLabelFor(password);
        email.textProperty().bindBidirectional(viewModel.emailProperty());
        password.textProperty().bindBidirectional(viewModel.passwordProperty());
        ViewBindings.message(notice, viewModel.noticeProperty());
        ViewBindings.message(plainHttpWarning, viewModel.plainHttpWarningProperty());
        ViewBindings.message(error, viewModel.errorProperty());
        ViewBindings.busy(progress, viewModel.busyProperty());
        signIn.disableProperty().bind(viewModel.canSubmitProperty().not());
        secondFactorFieldsController.bind(viewModel.secondFactor(), text, viewModel::signIn);
        ViewBindings.shownWhen(secondFactorBox, viewModel.secondFactorAskedProperty());
        viewModel.secondFactorAskedProperty().addListener((obs, old, asked) -> {
            if (asked) {
                secondFactorFieldsController.focus();
            }
        });
        forgotPassword.disableProperty().bind(viewModel.busyProperty());
        if (!email.getText().isEmpty()) {
            email.getStyleClass().remove("initial-focus");
            password.getStyleClass().add("initial-focus");
        }
    }

    @FXML
    private void signIn() {
        viewModel.signIn();
    }

    @FXML
    private void forgotPassword() {
        viewModel.forgotPassword();
    }
}
