package dev.latchkey.desktop.mailbox;

import java.util.List;

import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.util.Duration;

import dev.latchkey.desktop.Messages;
import dev.latchkey.desktop.ViewBindings;

public final class MailboxView {
    private final MailboxViewModel viewModel;
    private final Messages text;
    @FXML private ListView<MailItem> messages;
    @FXML private Label empty;
    @FXML private TextArea body;
    @FXML private TextField code;
    @FXML private Button copyCode;
    @FXML private Label copied;
    @FXML private ProgressIndicator progress;
    @FXML private Label error;

    public MailboxView(MailboxViewModel viewModel, Messages text) {
        this.viewModel = viewModel;
        this.text = text;
    }

    @FXML
    private void initialize() {
        messages.setItems(viewModel.messages());
        messages.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(MailItem item, boolean isEmpty) {
                super.updateItem(item, isEmpty);
                setText(isEmpty || item == null ? null
                        : item.subject() + "\n" + text.facts(List.of(item.to(), text.when(item.received()))));
                setAccessibleText(getText());
            }
        });
        viewModel.selectedProperty().addListener((obs, old, now) -> {
            if (now != messages.getSelectionModel().getSelectedItem()) {
                messages.getSelectionModel().select(now);
            }
        });
        messages.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            viewModel.selectedProperty().set(now);
            copied.setText("");
        });
        ViewBindings.shownWhen(empty, Bindings.isEmpty(viewModel.messages()));
        body.textProperty().bind(viewModel.bodyProperty());
        code.textProperty().bind(viewModel.codeProperty());
        copyCode.disableProperty().bind(viewModel.codeProperty().isEmpty());
        ViewBindings.busy(progress, viewModel.busyProperty());
        ViewBindings.message(error, viewModel.errorProperty());
        viewModel.refresh();
        // New mail appears by itself while the mailbox is on screen.
        Timeline poll = new Timeline(new KeyFrame(Duration.seconds(1.5), e -> {
            if (!viewModel.busyProperty().get()) {
                viewModel.refresh();
            }
        }));
        poll.setCycleCount(Animation.INDEFINITE);
        poll.play();
        messages.sceneProperty().addListener((obs, old, now) -> {
            if (now == null) {
                poll.stop();
            }
        });
    }

    @FXML
    private void copyCode() {
        ClipboardContent content = new ClipboardContent();
        content.putString(viewModel.codeProperty().get());
        Clipboard.getSystemClipboard().setContent(content);
        copied.setText(text.get("mailbox.copied"));
    }

    @FXML
    private void refresh() {
        viewModel.refresh();
    }

    @FXML
    private void back() {
        viewModel.back();
    }
}
