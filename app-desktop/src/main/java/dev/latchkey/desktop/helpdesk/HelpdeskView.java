package dev.latchkey.desktop.helpdesk;

import javafx.animation.PauseTransition;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import javafx.util.StringConverter;

import dev.latchkey.api.Responses.AuditEntry;
import dev.latchkey.api.Responses.HelpdeskUser;
import dev.latchkey.desktop.Messages;
import dev.latchkey.desktop.ViewBindings;

public final class HelpdeskView {
    private final HelpdeskViewModel viewModel;
    private final Messages text;
    private final PauseTransition typing = new PauseTransition(Duration.millis(300));
    @FXML private Label searchLabel;
    @FXML private TextField userSearch;
    @FXML private ListView<HelpdeskUser> users;
    @FXML private VBox userDetail;
    @FXML private Label noSelection;
    @FXML private Label detailName;
    @FXML private Label detailEmail;
    @FXML private Label detailFacts;
    @FXML private Button sendReset;
    @FXML private Button unlock;
    @FXML private ListView<AuditEntry> userEvents;
    @FXML private Label status;
    @FXML private Label error;
    @FXML private ProgressIndicator progress;
    @FXML private ChoiceBox<String> auditType;
    @FXML private TextField auditFilter;
    @FXML private TableView<AuditEntry> auditTable;
    @FXML private TableColumn<AuditEntry, String> atColumn;
    @FXML private TableColumn<AuditEntry, String> typeColumn;
    @FXML private TableColumn<AuditEntry, String> userColumn;
    @FXML private TableColumn<AuditEntry, String> actorColumn;
    @FXML private TableColumn<AuditEntry, String> ipColumn;
    @FXML private TableColumn<AuditEntry, String> detailColumn;
    @FXML private TableColumn<AuditEntry, String> deliveryColumn;

    public HelpdeskView(HelpdeskViewModel viewModel, Messages text) {
        this.viewModel = viewModel;
        this.text = text;
    }

    @FXML
    private void initialize() {
        searchLabel.setLabelFor(userSearch);
        userSearch.textProperty().bindBidirectional(viewModel.queryProperty());
        // Search as the user types, once they pause.
        typing.setOnFinished(e -> viewModel.search());
        userSearch.textProperty().addListener((obs, old, now) -> typing.playFromStart());
        users.setItems(viewModel.users());
        users.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(HelpdeskUser user, boolean empty) {
                super.updateItem(user, empty);
                setText(empty || user == null ? null : user.email() + "\n" + user.displayName() + " \u00b7 "
                        + user.role() + (user.locked() ? " \u00b7 " + text.get("helpdesk.locked") : ""));
                setAccessibleText(getText());
            }
        });
        users.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null && now != viewModel.selectedProperty().get()) {
                viewModel.select(now);
            }
        });
        viewModel.selectedProperty().addListener((obs, old, now) -> showDetail(now));
        ViewBindings.shownWhen(userDetail, Bindings.isNotNull(viewModel.selectedProperty()));
        ViewBindings.shownWhen(noSelection, Bindings.isNull(viewModel.selectedProperty()));
        userEvents.setItems(viewModel.userEvents());
        userEvents.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(AuditEntry entry, boolean empty) {
                super.updateItem(entry, empty);
                setText(empty || entry == null ? null : describe(entry));
                setWrapText(true);
                setAccessibleText(getText());
            }
        });
        sendReset.disableProperty().bind(viewModel.canActProperty().not());
        unlock.disableProperty().bind(viewModel.canActProperty().not());
        ViewBindings.message(status, viewModel.statusProperty());
        ViewBindings.message(error, viewModel.errorProperty());
        ViewBindings.busy(progress, viewModel.busyProperty());

        auditType.getItems().setAll("", "HELPDESK_RESET_STARTED", "USER_INVITED", "USER_UNLOCKED", "RESET_REQUESTED",
                "RESET_COMPLETED", "PASSWORD_CHANGED", "SIGN_IN_SUCCEEDED", "SIGN_IN_FAILED", "MAIL_SENT", "MAIL_FAILED");
        auditType.setConverter(new StringConverter<>() {
            @Override
            public String toString(String type) {
                return type == null || type.isEmpty() ? text.get("helpdesk.audit.allTypes") : type;
            }

            @Override
            public String fromString(String label) {
                return label;
            }
        });
        auditType.valueProperty().bindBidirectional(viewModel.typeFilterProperty());
        auditFilter.textProperty().bindBidirectional(viewModel.textFilterProperty());
        auditTable.setItems(viewModel.filteredAudit());
        atColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(text.when(c.getValue().at())));
        typeColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().type()));
        userColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().userEmail()));
        actorColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().actor()));
        ipColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().ip()));
        detailColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().detail()));
        deliveryColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(viewModel.deliveryText(c.getValue().delivery())));

        viewModel.search();
        viewModel.loadAudit();
    }

    private void showDetail(HelpdeskUser user) {
        if (user == null) {
            return;
        }
        detailName.setText(user.displayName());
        detailEmail.setText(user.email());
        String changed = user.passwordChangedAt() == null ? text.get("account.never") : text.when(user.passwordChangedAt());
        detailFacts.setText(text.get("helpdesk.facts", user.role(),
                user.locked() ? text.get("helpdesk.locked") : text.get("helpdesk.notLocked"), changed));
        if (users.getSelectionModel().getSelectedItem() != user) {
            users.getSelectionModel().select(user);
        }
    }

    private String describe(AuditEntry entry) {
        String delivery = viewModel.deliveryText(entry.delivery());
        return text.when(entry.at()) + " \u00b7 " + entry.type() + (entry.actor() == null ? "" : " \u00b7 " + entry.actor())
                + (entry.detail() == null ? "" : "\n" + entry.detail())
                + (delivery.isEmpty() ? "" : "\n" + text.get("helpdesk.email") + ": " + delivery);
    }

    @FXML
    private void sendReset() {
        HelpdeskUser user = viewModel.selectedProperty().get();
        if (user != null) {
            HelpdeskDialogs.askReason(sendReset.getScene().getWindow(), text, user.email()).ifPresent(viewModel::sendReset);
        }
    }

    @FXML
    private void refreshUser() {
        viewModel.refreshSelected();
    }

    @FXML
    private void unlock() {
        viewModel.unlock();
    }

    @FXML
    private void inviteUser() {
        HelpdeskDialogs.askInvitation(users.getScene().getWindow(), text, viewModel.invitableRoles())
                .ifPresent(i -> viewModel.invite(i.email(), i.displayName(), i.role(), user -> { }));
    }

    @FXML
    private void refreshAudit() {
        viewModel.loadAudit();
    }

    @FXML
    private void loadMore() {
        viewModel.loadMoreAudit();
    }
}
