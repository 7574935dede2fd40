package dev.latchkey.desktop.report;

import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.VBox;

import dev.latchkey.desktop.ViewBindings;

public final class ReportView {
    private final ReportViewModel viewModel;
    @FXML private Label heading;
    @FXML private VBox reported;
    @FXML private Label event;
    @FXML private Label when;
    @FXML private Label from;
    @FXML private Label account;
    @FXML private Label validUntil;
    @FXML private Button confirmReport;
    @FXML private VBox outcome;
    @FXML private Label outcomeMessage;
    @FXML private Label reference;
    @FXML private Label supportContact;
    @FXML private Label error;
    @FXML private ProgressIndicator progress;
    @FXML private Button backToSignIn;

    public ReportView(ReportViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        heading.textProperty().bind(viewModel.headingProperty());
        ViewBindings.shownWhen(reported, viewModel.awaitingConfirmationProperty());
        event.textProperty().bind(viewModel.eventProperty());
        when.textProperty().bind(viewModel.whenProperty());
        from.textProperty().bind(viewModel.fromProperty());
        account.textProperty().bind(viewModel.accountProperty());
        validUntil.textProperty().bind(viewModel.validUntilProperty());
        ViewBindings.shownWhen(confirmReport, viewModel.awaitingConfirmationProperty());
        confirmReport.disableProperty().bind(viewModel.canConfirmProperty().not());
        ViewBindings.shownWhen(outcome, viewModel.doneProperty());
        outcomeMessage.textProperty().bind(viewModel.messageProperty());
        reference.textProperty().bind(viewModel.referenceProperty());
        supportContact.textProperty().bind(viewModel.supportContactProperty());
        ViewBindings.message(error, viewModel.errorProperty());
        ViewBindings.busy(progress, viewModel.busyProperty());
        backToSignIn.defaultButtonProperty().bind(viewModel.doneProperty());
        viewModel.doneProperty().addListener((obs, was, now) -> {
            if (now) {
                backToSignIn.requestFocus();
            }
        });
        viewModel.load();
    }

    @FXML
    private void confirmReport() {
        viewModel.confirm();
    }

    @FXML
    private void backToSignIn() {
        viewModel.backToSignIn();
    }
}
