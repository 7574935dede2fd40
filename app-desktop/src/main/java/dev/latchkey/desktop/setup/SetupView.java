package dev.latchkey.desktop.setup;

import javafx.beans.property.SimpleStringProperty;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;

import dev.latchkey.desktop.Messages;
import dev.latchkey.desktop.ViewBindings;
import dev.latchkey.desktop.password.NewPasswordFields;

public final class SetupView {
    private final SetupViewModel viewModel;
    private final Messages text;
    @FXML private Label emailLabel;
    @FXML private TextField email;
    @FXML private Label nameLabel;
    @FXML private TextField name;
    @FXML private NewPasswordFields passwordFieldsController;
    @FXML private Label error;
    @FXML private Button create;
    @FXML private ProgressIndicator progress;

    public SetupView(SetupViewModel viewModel, Messages text) {
        this.viewModel = viewModel;
        this.text = text;
    }

    @FXML
    private void initialize() {
        emailLabel.setLabelFor(email);
        nameLabel.setLabelFor(name);
        email.textProperty().bindBidirectional(viewModel.emailProperty());
        name.textProperty().bindBidirectional(viewModel.nameProperty());
        passwordFieldsController.bind(viewModel.feedback(), viewModel.showProperty(),
                new SimpleStringProperty(""), text, viewModel::create);
        ViewBindings.message(error, viewModel.errorProperty());
        ViewBindings.busy(progress, viewModel.busyProperty());
        create.disableProperty().bind(viewModel.canCreateProperty().not());
    }

    @FXML
    private void create() {
        viewModel.create();
    }
}
