package dev.latchkey.desktop.secondfactor;

import java.io.File;

import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.image.ImageView;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

import dev.latchkey.desktop.Messages;
import dev.latchkey.desktop.ViewBindings;

public final class SecondFactorView {
    private static final int QR_PIXELS_PER_MODULE = 5;

    private final SecondFactorViewModel viewModel;
    private final Messages text;
    @FXML private Label notice;
    @FXML private Label status;
    @FXML private VBox overview;
    @FXML private Label factorPasswordLabel;
    @FXML private PasswordField factorPassword;
    @FXML private VBox proofBox;
    @FXML private SecondFactorFields secondFactorFieldsController;
    @FXML private Button setUpSecondFactor;
    @FXML private Button newRecoveryCodes;
    @FXML private Button turnOffSecondFactor;
    @FXML private VBox scan;
    @FXML private ImageView qrCode;
    @FXML private TextField secretKey;
    @FXML private Label firstCodeLabel;
    @FXML private TextField firstCode;
    @FXML private Button confirmSecondFactor;
    @FXML private Button cancelSetUp;
    @FXML private VBox codes;
    @FXML private TextArea recoveryCodes;
    @FXML private Button saveRecoveryCodes;
    @FXML private Button recoveryCodesDone;
    @FXML private Label error;
    @FXML private Label success;
    @FXML private ProgressIndicator progress;

    public SecondFactorView(SecondFactorViewModel viewModel, Messages text) {
        this.viewModel = viewModel;
        this.text = text;
    }

    @FXML
    private void initialize() {
        ViewBindings.message(notice, viewModel.noticeProperty());
        status.textProperty().bind(viewModel.statusProperty());
        factorPasswordLabel.setLabelFor(factorPassword);
        factorPassword.textProperty().bindBidirectional(viewModel.passwordProperty());
        factorPassword.setOnAction(e -> viewModel.begin());
        secondFactorFieldsController.bind(viewModel.proof(), text, viewModel::begin);
        ViewBindings.shownWhen(proofBox, viewModel.enabledProperty());
        setUpSecondFactor.textProperty().bind(Bindings.when(viewModel.enabledProperty())
                .then(text.get("secondFactor.replace")).otherwise(text.get("secondFactor.setUp")));
        setUpSecondFactor.disableProperty().bind(viewModel.canChangeProperty().not());
        for (Button change : new Button[] {newRecoveryCodes, turnOffSecondFactor}) {
            ViewBindings.shownWhen(change, viewModel.enabledProperty());
            change.disableProperty().bind(viewModel.canChangeProperty().not());
        }
        ViewBindings.shownWhen(overview, viewModel.stepProperty().isEqualTo(SecondFactorViewModel.Step.OVERVIEW));
        ViewBindings.shownWhen(scan, viewModel.stepProperty().isEqualTo(SecondFactorViewModel.Step.SCAN));
        ViewBindings.shownWhen(codes, viewModel.stepProperty().isEqualTo(SecondFactorViewModel.Step.CODES));

        viewModel.uriProperty().addListener((obs, old, uri) ->
                qrCode.setImage(uri.isEmpty() ? null : QrImage.of(uri, QR_PIXELS_PER_MODULE)));
        secretKey.textProperty().bind(viewModel.secretProperty());
        firstCodeLabel.setLabelFor(firstCode);
        firstCode.textProperty().bindBidirectional(viewModel.firstCodeProperty());
        firstCode.setOnAction(e -> viewModel.confirm());
        confirmSecondFactor.disableProperty().bind(viewModel.canConfirmProperty().not());
        cancelSetUp.disableProperty().bind(viewModel.busyProperty());

        recoveryCodes.textProperty().bind(Bindings.createStringBinding(
                () -> String.join("\n", viewModel.recoveryCodesProperty().get()), viewModel.recoveryCodesProperty()));
        viewModel.stepProperty().addListener((obs, old, step) -> {
            switch (step) {
                case OVERVIEW -> factorPassword.requestFocus();
                case SCAN -> firstCode.requestFocus();
                case CODES -> recoveryCodes.requestFocus();
            }
        });
        ViewBindings.message(error, viewModel.errorProperty());
        ViewBindings.message(success, viewModel.successProperty());
        ViewBindings.busy(progress, viewModel.busyProperty());
        viewModel.load();
    }

    @FXML
    private void setUp() {
        viewModel.begin();
    }

    @FXML
    private void newRecoveryCodes() {
        viewModel.replaceRecoveryCodes();
    }

    @FXML
    private void turnOff() {
        viewModel.remove();
    }

    @FXML
    private void confirm() {
        viewModel.confirm();
    }

    @FXML
    private void cancel() {
        viewModel.cancel();
    }

    @FXML
    private void save() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(text.get("secondFactor.codes.save"));
        chooser.setInitialFileName("latchkey-recovery-codes.txt");
        File file = chooser.showSaveDialog(recoveryCodes.getScene().getWindow());
        if (file != null) {
            viewModel.saveRecoveryCodes(file.toPath());
        }
    }

    @FXML
    private void done() {
        viewModel.finish();
    }

    @FXML
    private void backToAccount() {
        viewModel.backToAccount();
    }
}
