package dev.latchkey.desktop.reset;

import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;

import dev.latchkey.desktop.ViewBindings;

public final class TokenView {
    private final TokenViewModel viewModel;
    @FXML private Label codeLabel;
    @FXML private TextField code;
    @FXML private Label error;
    @FXML private Hyperlink askAgain;
    @FXML private Label verified;
    @FXML private Button verify;
    @FXML private Button proceed;
    @FXML private ProgressIndicator progress;
    @FXML private VBox reportOffer;
    @FXML private Button openReport;

    public TokenView(TokenViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        codeLabel.setLabelFor(code);
        code.textProperty().bindBidirectional(viewModel.inputProperty());
        ViewBindings.message(error, viewModel.errorProperty());
        ViewBindings.shownWhen(askAgain, viewModel.tokenRejectedProperty());
        verified.textProperty().bind(viewModel.verifiedTextProperty());
        ViewBindings.shownWhen(verified, viewModel.verifiedProperty());
        ViewBindings.busy(progress, viewModel.busyProperty());
        verify.disableProperty().bind(viewModel.canVerifyProperty().not());
        ViewBindings.shownWhen(verify, viewModel.verifiedProperty().not());
        ViewBindings.shownWhen(proceed, viewModel.verifiedProperty());
        ViewBindings.shownWhen(reportOffer, viewModel.reportOfferedProperty());
        verify.defaultButtonProperty().bind(
                viewModel.verifiedProperty().not().and(viewModel.reportOfferedProperty().not()));
        openReport.defaultButtonProperty().bind(viewModel.reportOfferedProperty());
        proceed.defaultButtonProperty().bind(viewModel.verifiedProperty());
        viewModel.verifiedProperty().addListener((obs, was, now) -> {
            if (now) {
                proceed.requestFocus();
            }
        });
    }

    @FXML
    private void verify() {
        viewModel.verify();
    }

    @FXML
    private void submit() {
        viewModel.submit();
    }

    @FXML
    private void openReport() {
        viewModel.openReport();
    }

    @FXML
    private void proceed() {
        viewModel.proceed();
    }

    @FXML
    private void askAgain() {
        viewModel.askAgain();
    }

    @FXML
    private void backToSignIn() {
        viewModel.backToSignIn();
    }
}
