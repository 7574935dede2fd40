package dev.latchkey.desktop.reset;

import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;

import dev.latchkey.desktop.ViewBindings;

public final class ForgotView {
    private final ForgotViewModel viewModel;
    @FXML private VBox askPane;
    @FXML private VBox sentPane;
    @FXML private Label emailLabel;
    @FXML private TextField email;
    @FXML private Label error;
    @FXML private Button sendCode;
    @FXML private ProgressIndicator progress;
    @FXML private Label confirmation;
    @FXML private Button haveCode;

    public ForgotView(ForgotViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        emailLabel.setLabelFor(email);
        email.textProperty().bindBidirectional(viewModel.emailProperty());
        ViewBindings.message(error, viewModel.errorProperty());
        ViewBindings.busy(progress, viewModel.busyProperty());
        sendCode.disableProperty().bind(viewModel.canSubmitProperty().not());
        ViewBindings.shownWhen(askPane, viewModel.sentProperty().not());
        ViewBindings.shownWhen(sentPane, viewModel.sentProperty());
        confirmation.textProperty().bind(viewModel.confirmationProperty());
        viewModel.sentProperty().addListener((obs, was, now) -> haveCode.requestFocus());
    }

    @FXML
    private void submit() {
        viewModel.submit();
    }

    @FXML
    private void haveCode() {
        viewModel.haveCode();
    }

    @FXML
    private void backToSignIn() {
        viewModel.backToSignIn();
    }
}
