package dev.latchkey.desktop.helpdesk;

import java.util.ArrayList;
import java.util.List;

import javafx.animation.PauseTransition;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.StringProperty;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tab;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import javafx.util.StringConverter;

import dev.latchkey.api.Responses.AuditEntry;
import dev.latchkey.api.Responses.CaseDetail;
import dev.latchkey.api.Responses.CaseNote;
import dev.latchkey.api.Responses.CaseSummary;
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
    @FXML private Label detailSecondFactor;
    @FXML private Button sendReset;
    @FXML private Button unlock;
    @FXML private Button removeSecondFactor;
    @FXML private Button signOutEverywhere;
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
    @FXML private Tab casesTab;
    @FXML private ChoiceBox<String> caseStatusFilter;
    @FXML private ChoiceBox<String> caseKindFilter;
    @FXML private TextField caseReference;
    @FXML private Label casesCount;
    @FXML private Button loadMoreCases;
    @FXML private TableView<CaseSummary> casesTable;
    @FXML private TableColumn<CaseSummary, String> caseOpenedColumn;
    @FXML private TableColumn<CaseSummary, String> caseKindColumn;
    @FXML private TableColumn<CaseSummary, String> caseStatusColumn;
    @FXML private TableColumn<CaseSummary, String> caseUserColumn;
    @FXML private TableColumn<CaseSummary, String> caseHeldColumn;
    @FXML private TableColumn<CaseSummary, String> caseSummaryColumn;
    @FXML private Label noCase;
    @FXML private VBox caseDetail;
    @FXML private Label caseTitle;
    @FXML private Label caseSummary;
    @FXML private Label caseFacts;
    @FXML private Button acknowledgeCase;
    @FXML private Button releaseHold;
    @FXML private Button resolveCase;
    @FXML private ListView<CaseNote> caseNotes;
    @FXML private TextField caseNote;
    @FXML private Button addCaseNote;
    @FXML private ListView<AuditEntry> caseEvents;

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
                setText(empty || user == null ? null : user.email() + "\n" + text.facts(user.locked()
                        ? List.of(user.displayName(), viewModel.roleText(user.role()), text.get("helpdesk.locked"))
                        : List.of(user.displayName(), viewModel.roleText(user.role()))));
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
        userEvents.setCellFactory(list -> eventCell());
        sendReset.disableProperty().bind(viewModel.canActProperty().not());
        unlock.disableProperty().bind(viewModel.canActProperty().not());
        removeSecondFactor.disableProperty().bind(viewModel.canRemoveSecondFactorProperty().not());
        signOutEverywhere.disableProperty().bind(viewModel.canActProperty().not());
        ViewBindings.message(status, viewModel.statusProperty());
        ViewBindings.message(error, viewModel.errorProperty());
        ViewBindings.busy(progress, viewModel.busyProperty());

        auditType.getItems().setAll("", "HELPDESK_RESET_STARTED", "USER_INVITED", "USER_UNLOCKED", "RESET_REQUESTED",
                "RESET_COMPLETED", "PASSWORD_CHANGED", "SIGN_IN_SUCCEEDED", "SIGN_IN_FAILED", "MAIL_SENT", "MAIL_FAILED");
        auditType.setConverter(new StringConverter<>() {
            @Override
            public String toString(String type) {
                return viewModel.auditTypeText(type);
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
        typeColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(viewModel.auditTypeText(c.getValue().type())));
        userColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().userEmail()));
        actorColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().actor()));
        ipColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().ip()));
        detailColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().detail()));
        deliveryColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(viewModel.deliveryText(c.getValue().delivery())));

        bindCases();

        viewModel.search();
        viewModel.loadCases();
        viewModel.loadAudit();
    }

    private void bindCases() {
        casesTab.textProperty().bind(Bindings.createStringBinding(() -> text.get("helpdesk.cases.tab",
                viewModel.openCasesProperty().get()), viewModel.openCasesProperty()));
        choices(caseStatusFilter, List.of("", "OPEN", "ACKNOWLEDGED", "RESOLVED"), "helpdesk.cases.anyStatus",
                "case.status.", viewModel.caseStatusFilterProperty());
        choices(caseKindFilter, List.of("", "REPORT", "SIGNAL", "FACTOR_REMOVAL"), "helpdesk.cases.anyKind",
                "case.kind.", viewModel.caseKindFilterProperty());
        caseReference.textProperty().bindBidirectional(viewModel.caseReferenceProperty());
        // Emptied, the field shows the whole queue again.
        caseReference.textProperty().addListener((obs, old, now) -> {
            if (now.isBlank() && !old.isBlank()) {
                viewModel.loadCases();
            }
        });
        casesCount.textProperty().bind(Bindings.createStringBinding(() -> text.get("helpdesk.cases.count",
                viewModel.cases().size(), viewModel.casesTotalProperty().get()), viewModel.cases(),
                viewModel.casesTotalProperty()));
        loadMoreCases.disableProperty().bind(viewModel.canLoadMoreCasesProperty().not());
        casesTable.setItems(viewModel.cases());
        caseOpenedColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(text.when(c.getValue().openedAt())));
        caseKindColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(viewModel.caseKindText(c.getValue())));
        caseStatusColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(viewModel.caseStatusText(c.getValue())));
        caseUserColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(
                c.getValue().userEmail() != null ? c.getValue().userEmail() : c.getValue().ip()));
        caseHeldColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(
                c.getValue().held() ? text.get("helpdesk.case.held") : ""));
        caseSummaryColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().summary()));
        casesTable.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            CaseDetail shown = viewModel.caseDetailProperty().get();
            if (now != null && (shown == null || shown.summary().id() != now.id())) {
                viewModel.selectCase(now);
            }
        });
        // Reloading or updating the list must not lose the row of the case on show.
        viewModel.cases().addListener((ListChangeListener<CaseSummary>) change -> selectShownCase());
        viewModel.caseDetailProperty().addListener((obs, old, now) -> showCase(now));
        ViewBindings.shownWhen(caseDetail, Bindings.isNotNull(viewModel.caseDetailProperty()));
        ViewBindings.shownWhen(noCase, Bindings.isNull(viewModel.caseDetailProperty()));
        caseNotes.setItems(viewModel.caseNotes());
        caseNotes.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(CaseNote note, boolean empty) {
                super.updateItem(note, empty);
                setText(empty || note == null ? null
                        : text.facts(List.of(text.when(note.at()), note.author())) + "\n" + note.text());
                setWrapText(true);
                setAccessibleText(getText());
            }
        });
        caseEvents.setItems(viewModel.caseEvents());
        caseEvents.setCellFactory(list -> eventCell());
        caseNote.textProperty().bindBidirectional(viewModel.caseNoteProperty());
        acknowledgeCase.disableProperty().bind(viewModel.canAcknowledgeProperty().not());
        releaseHold.disableProperty().bind(viewModel.canReleaseProperty().not());
        resolveCase.disableProperty().bind(viewModel.canResolveProperty().not());
        addCaseNote.disableProperty().bind(viewModel.canAddNoteProperty().not());
    }

    /** A filter's choice box: {@code values} in words ({@code prefix + value}, the first as {@code anyKey}). */
    private void choices(ChoiceBox<String> box, List<String> values, String anyKey, String prefix,
                         StringProperty chosen) {
        box.getItems().setAll(values);
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(String value) {
                return value == null || value.isEmpty() ? text.get(anyKey) : text.words(prefix, value);
            }

            @Override
            public String fromString(String words) {
                return values.stream().filter(v -> toString(v).equals(words)).findFirst().orElse("");
            }
        });
        box.valueProperty().bindBidirectional(chosen);
    }

    private void showCase(CaseDetail detail) {
        caseTitle.setText(viewModel.caseTitle(detail.summary()));
        caseSummary.setText(detail.summary().summary());
        caseFacts.setText(viewModel.caseFacts(detail.summary()));
        selectShownCase();
    }

    private void selectShownCase() {
        CaseDetail shown = viewModel.caseDetailProperty().get();
        CaseSummary selected = casesTable.getSelectionModel().getSelectedItem();
        if (shown == null || (selected != null && selected.id() == shown.summary().id())) {
            return;
        }
        for (int i = 0; i < viewModel.cases().size(); i++) {
            if (viewModel.cases().get(i).id() == shown.summary().id()) {
                casesTable.getSelectionModel().select(i);
                return;
            }
        }
    }

    private ListCell<AuditEntry> eventCell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(AuditEntry entry, boolean empty) {
                super.updateItem(entry, empty);
                setText(empty || entry == null ? null : describe(entry));
                setWrapText(true);
                setAccessibleText(getText());
            }
        };
    }

    private void showDetail(HelpdeskUser user) {
        if (user == null) {
            return;
        }
        detailName.setText(user.displayName());
        detailEmail.setText(user.email());
        String changed = user.passwordChangedAt() == null ? text.get("account.never") : text.when(user.passwordChangedAt());
        detailFacts.setText(text.get("helpdesk.facts", viewModel.roleText(user.role()),
                user.locked() ? text.get("helpdesk.locked") : text.get("helpdesk.notLocked"), changed));
        detailSecondFactor.setText(viewModel.secondFactorText(user));
        if (users.getSelectionModel().getSelectedItem() != user) {
            users.getSelectionModel().select(user);
        }
    }

    private String describe(AuditEntry entry) {
        String delivery = viewModel.deliveryText(entry.delivery());
        List<String> facts = new ArrayList<>(List.of(text.when(entry.at()), viewModel.auditTypeText(entry.type())));
        if (entry.actor() != null) {
            facts.add(entry.actor());
        }
        return text.facts(facts) + (entry.detail() == null ? "" : "\n" + entry.detail())
                + (delivery.isEmpty() ? "" : "\n" + text.get("helpdesk.delivery", delivery));
    }

    @FXML
    private void sendReset() {
        HelpdeskUser user = viewModel.selectedProperty().get();
        if (user != null) {
            HelpdeskDialogs.askReason(sendReset.getScene().getWindow(), text, HelpdeskDialogs.Purpose.RESET,
                    user.email()).ifPresent(viewModel::sendReset);
        }
    }

    @FXML
    private void removeSecondFactor() {
        HelpdeskUser user = viewModel.selectedProperty().get();
        if (user != null) {
            HelpdeskDialogs.askReason(removeSecondFactor.getScene().getWindow(), text,
                    HelpdeskDialogs.Purpose.SECOND_FACTOR_REMOVAL, user.email()).ifPresent(viewModel::removeSecondFactor);
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
    private void signOutEverywhere() {
        viewModel.signOutEverywhere();
    }

    @FXML
    private void inviteUser() {
        HelpdeskDialogs.askInvitation(users.getScene().getWindow(), text, viewModel.invitableRoles())
                .ifPresent(i -> viewModel.invite(i.email(), i.displayName(), i.role(), user -> { }));
    }

    @FXML
    private void refreshCases() {
        viewModel.refreshCases();
    }

    @FXML
    private void findCase() {
        viewModel.loadCases();
    }

    @FXML
    private void loadMoreCases() {
        viewModel.loadMoreCases();
    }

    @FXML
    private void acknowledgeCase() {
        viewModel.acknowledgeCase();
    }

    @FXML
    private void addCaseNote() {
        viewModel.addCaseNote();
    }

    @FXML
    private void resolveCase() {
        viewModel.resolveCase();
    }

    @FXML
    private void releaseHold() {
        viewModel.releaseHold();
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
