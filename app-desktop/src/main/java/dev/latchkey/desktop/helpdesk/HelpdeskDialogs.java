package dev.latchkey.desktop.helpdesk;

import java.util.List;
import java.util.Optional;

import javafx.beans.binding.Bindings;
import javafx.geometry.NodeOrientation;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.StringConverter;

import dev.latchkey.api.EmailAddress;
import dev.latchkey.api.FreeText;
import dev.latchkey.api.Role;
import dev.latchkey.desktop.Messages;

/** The questions the help desk asks: why send a reset or remove a second factor, and whom to invite. */
final class HelpdeskDialogs {
    /** What an invitation needs. */
    record Invitation(String email, String displayName, Role role) {
    }

    /** What a reason is asked for, and the keys of its words ({@code <keys>.title} and so on). */
    enum Purpose {
        RESET("helpdesk.reason"),
        SECOND_FACTOR_REMOVAL("helpdesk.removeFactor");

        private final String keys;

        Purpose(String keys) {
            this.keys = keys;
        }
    }

    private HelpdeskDialogs() {
    }

    static Optional<String> askReason(Window owner, Messages text, Purpose purpose, String email) {
        Dialog<String> dialog = dialog(owner, text, text.get(purpose.keys + ".title"));
        Label intro = new Label(text.get(purpose.keys + ".intro", email));
        intro.setWrapText(true);
        Label label = new Label(text.get(purpose.keys + ".label"));
        TextArea reason = new TextArea();
        reason.setId("reason");
        reason.setPrefRowCount(3);
        reason.setWrapText(true);
        reason.setAccessibleText(text.get(purpose.keys + ".label"));
        label.setLabelFor(reason);
        Label count = new Label();
        count.getStyleClass().add("text-muted");
        count.textProperty().bind(Bindings.createStringBinding(
                () -> text.get("helpdesk.reason.count", FreeText.length(reason.getText().strip()), FreeText.REASON_MAX),
                reason.textProperty()));
        dialog.getDialogPane().setContent(column(intro, label, reason, count));
        Node send = dialog.getDialogPane().lookupButton(ButtonType.OK);
        switch (purpose) {
            case RESET -> send.setId("confirmReset");
            case SECOND_FACTOR_REMOVAL -> send.setId("confirmFactorRemoval");
        }
        ((Button) send).setText(text.get(purpose.keys + ".send"));
        send.disableProperty().bind(Bindings.createBooleanBinding(
                () -> !FreeText.fits(reason.getText(), FreeText.REASON_MAX), reason.textProperty()));
        dialog.setResultConverter(button -> button == ButtonType.OK ? reason.getText().strip() : null);
        dialog.setOnShown(e -> reason.requestFocus());
        return dialog.showAndWait();
    }

    static Optional<Invitation> askInvitation(Window owner, Messages text, List<Role> roles) {
        Dialog<Invitation> dialog = dialog(owner, text, text.get("helpdesk.invite.title"));
        TextField email = new TextField();
        email.setId("inviteEmail");
        email.setPromptText(text.get("field.email.prompt"));
        email.setNodeOrientation(NodeOrientation.LEFT_TO_RIGHT);
        email.setAccessibleText(text.get("helpdesk.invite.email"));
        TextField name = new TextField();
        name.setId("inviteName");
        name.setAccessibleText(text.get("helpdesk.invite.name"));
        ChoiceBox<Role> role = new ChoiceBox<>();
        role.setId("inviteRole");
        role.getItems().setAll(roles);
        role.setValue(Role.USER);
        role.setConverter(new StringConverter<>() {
            @Override
            public String toString(Role value) {
                return value == null ? "" : text.words("role.", value.name());
            }

            @Override
            public Role fromString(String words) {
                return roles.stream().filter(r -> toString(r).equals(words)).findFirst().orElse(null);
            }
        });
        role.setAccessibleText(text.get("helpdesk.invite.role"));
        Label emailLabel = new Label(text.get("helpdesk.invite.email"));
        emailLabel.setLabelFor(email);
        Label nameLabel = new Label(text.get("helpdesk.invite.name"));
        nameLabel.setLabelFor(name);
        Label roleLabel = new Label(text.get("helpdesk.invite.role"));
        roleLabel.setLabelFor(role);
        Label intro = new Label(text.get("helpdesk.invite.intro"));
        intro.setWrapText(true);
        dialog.getDialogPane().setContent(column(intro, emailLabel, email, nameLabel, name, roleLabel, role));
        Node send = dialog.getDialogPane().lookupButton(ButtonType.OK);
        send.setId("confirmInvite");
        ((Button) send).setText(text.get("helpdesk.invite.send"));
        send.disableProperty().bind(Bindings.createBooleanBinding(
                () -> EmailAddress.normalize(email.getText()).isEmpty() || name.getText().isBlank(),
                email.textProperty(), name.textProperty()));
        dialog.setResultConverter(button -> button == ButtonType.OK
                ? new Invitation(email.getText(), name.getText(), role.getValue()) : null);
        dialog.setOnShown(e -> email.requestFocus());
        return dialog.showAndWait();
    }

    private static <T> Dialog<T> dialog(Window owner, Messages text, String title) {
        Dialog<T> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(title);
        dialog.setHeaderText(title);
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        // JavaFX words its Cancel in the system's language, not the one chosen in the app.
        ((Button) dialog.getDialogPane().lookupButton(ButtonType.CANCEL)).setText(text.get("common.cancel"));
        // A dialog is a window of its own: it does not inherit the main window's direction.
        dialog.getDialogPane().setNodeOrientation(text.rightToLeft() ? NodeOrientation.RIGHT_TO_LEFT
                : NodeOrientation.LEFT_TO_RIGHT);
        dialog.getDialogPane().setPrefWidth(460);
        return dialog;
    }

    private static VBox column(Node... nodes) {
        VBox box = new VBox(8, nodes);
        box.getStyleClass().add("section");
        return box;
    }
}
