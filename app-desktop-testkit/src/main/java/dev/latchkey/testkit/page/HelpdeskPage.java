package dev.latchkey.testkit.page;

import java.util.List;

import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;

import dev.latchkey.api.Responses.AuditEntry;
import dev.latchkey.api.Responses.CaseNote;
import dev.latchkey.api.Responses.CaseSummary;
import dev.latchkey.api.Responses.HelpdeskUser;
import dev.latchkey.desktop.navigation.Screen;
import dev.latchkey.testkit.LatchkeyWindow;
import dev.latchkey.testkit.selector.FxId;

/** The help desk (staff only): users, "Not you?" cases, the audit log. */
public final class HelpdeskPage extends Page<HelpdeskPage> {
    public HelpdeskPage(LatchkeyWindow window) {
        super(window, Screen.HELPDESK);
    }

    /** Searches, waits for exactly one match, selects it and waits for its details. */
    public HelpdeskPage selectOnlyUser(String search) {
        type(FxId.HELPDESK_USER_SEARCH, search);
        ListView<HelpdeskUser> users = window.node(FxId.HELPDESK_USERS);
        LatchkeyWindow.await(() -> users.getItems().size() == 1, () -> "one user matching " + search);
        HelpdeskUser user = users.getItems().get(0);
        robot.interact(() -> users.getSelectionModel().select(user));
        LatchkeyWindow.await(() -> visible(FxId.HELPDESK_USER_DETAIL)
                && text(FxId.HELPDESK_DETAIL_EMAIL).equals(user.email()), () -> "the details of " + user.email());
        return this;
    }

    public String selectedEmail() {
        return text(FxId.HELPDESK_DETAIL_EMAIL);
    }

    /** Sends the selected user a reset, giving the reason in the dialog; waits until it is on its way. */
    public HelpdeskPage sendReset(String reason) {
        return withReason(FxId.HELPDESK_SEND_RESET, reason, FxId.DIALOG_CONFIRM_RESET, "on its way");
    }

    /** Clicks {@code button}, gives the reason in the dialog it opens, confirms, and waits for the status. */
    private HelpdeskPage withReason(FxId button, String reason, FxId confirm, String status) {
        click(button);
        LatchkeyWindow.await(() -> window.find(FxId.DIALOG_REASON).isPresent(), () -> "the reason dialog");
        type(FxId.DIALOG_REASON, reason);
        click(confirm);
        awaitStatus(status);
        return this;
    }

    /**
     * Asks for the removal of the selected user's second factor, saying how they were checked in the
     * dialog; waits until the removal waits for its time.
     */
    public HelpdeskPage removeSecondFactor(String reason) {
        return withReason(FxId.HELPDESK_REMOVE_SECOND_FACTOR, reason, FxId.DIALOG_CONFIRM_FACTOR_REMOVAL,
                "unless its owner stops it");
    }

    /** The selected user's second factor, as shown: none, an app, or when its removal happens. */
    public String secondFactor() {
        return text(FxId.HELPDESK_DETAIL_SECOND_FACTOR);
    }

    public boolean canRemoveSecondFactor() {
        return !disabled(FxId.HELPDESK_REMOVE_SECOND_FACTOR);
    }

    /** Ends every session of the selected user; waits until the server has done it. */
    public HelpdeskPage signOutEverywhere() {
        click(FxId.HELPDESK_SIGN_OUT_EVERYWHERE);
        awaitStatus("signed out everywhere");
        return this;
    }

    /** Invites a user (role USER) through the dialog; waits until the invitation is sent. */
    public HelpdeskPage invite(String email, String name) {
        click(FxId.HELPDESK_INVITE_USER);
        LatchkeyWindow.await(() -> window.find(FxId.DIALOG_INVITE_EMAIL).isPresent(), () -> "the invite dialog");
        type(FxId.DIALOG_INVITE_EMAIL, email);
        type(FxId.DIALOG_INVITE_NAME, name);
        click(FxId.DIALOG_CONFIRM_INVITE);
        awaitStatus("Invitation sent");
        return this;
    }

    public HelpdeskPage refreshUser() {
        click(FxId.HELPDESK_REFRESH_USER);
        return this;
    }

    /** The selected user's recent events, as shown. */
    public List<AuditEntry> userEvents() {
        return window.<ListView<AuditEntry>>node(FxId.HELPDESK_USER_EVENTS).getItems();
    }

    public String status() {
        return text(FxId.HELPDESK_STATUS);
    }

    /** Waits until the status line holds the words; returns the whole line. */
    public String awaitStatus(String containing) {
        LatchkeyWindow.await(() -> status().contains(containing), () -> "status \"" + containing + "\", was \""
                + status() + "\"");
        return status();
    }

    public String awaitError() {
        return awaitText(FxId.HELPDESK_ERROR);
    }

    public HelpdeskPage casesTab() {
        click(FxId.HELPDESK_CASES_TAB);
        return this;
    }

    /** The cases as listed, open first. */
    public List<CaseSummary> cases() {
        return casesTable().getItems();
    }

    /**
     * Finds the case of the reference an owner quoted (typed, then Enter), waits until it is the one
     * listed, selects it and waits for its detail.
     */
    public HelpdeskPage findCase(String reference) {
        type(FxId.HELPDESK_CASE_REFERENCE, reference);
        pressEnter();
        TableView<CaseSummary> table = casesTable();
        LatchkeyWindow.await(() -> table.getItems().size() == 1
                && reference.equalsIgnoreCase(table.getItems().get(0).reference()), () -> "the case of " + reference);
        return selectCase(table.getItems().get(0).id());
    }

    /** Narrows the queue to a status and a kind (each null or empty for any), as the choice boxes do. */
    public HelpdeskPage filterCases(String status, String kind) {
        robot.interact(() -> {
            window.<ChoiceBox<String>>node(FxId.HELPDESK_CASE_STATUS_FILTER).setValue(status == null ? "" : status);
            window.<ChoiceBox<String>>node(FxId.HELPDESK_CASE_KIND_FILTER).setValue(kind == null ? "" : kind);
        });
        return this;
    }

    /** "N of M shown": how many of the matching cases are listed. */
    public String casesShown() {
        return text(FxId.HELPDESK_CASES_COUNT);
    }

    public HelpdeskPage loadMoreCases() {
        click(FxId.HELPDESK_LOAD_MORE_CASES);
        return this;
    }

    /** Waits for the case to be listed, selects it and waits for its detail. */
    public HelpdeskPage selectCase(long id) {
        TableView<CaseSummary> table = casesTable();
        LatchkeyWindow.await(() -> table.getItems().stream().anyMatch(c -> c.id() == id), () -> "case " + id);
        robot.interact(() -> table.getSelectionModel().select(
                table.getItems().stream().filter(c -> c.id() == id).findFirst().orElseThrow()));
        LatchkeyWindow.await(() -> visible(FxId.HELPDESK_CASE_DETAIL)
                && text(FxId.HELPDESK_CASE_TITLE).startsWith("Case " + id + " "), () -> "the detail of case " + id);
        return this;
    }

    public CaseSummary selectedCase() {
        return casesTable().getSelectionModel().getSelectedItem();
    }

    public String caseFacts() {
        return text(FxId.HELPDESK_CASE_FACTS);
    }

    public HelpdeskPage acknowledgeCase() {
        click(FxId.HELPDESK_ACKNOWLEDGE_CASE);
        return this;
    }

    /** Adds a note to the selected case and waits until it is listed. */
    public HelpdeskPage addCaseNote(String note) {
        type(FxId.HELPDESK_CASE_NOTE, note);
        click(FxId.HELPDESK_ADD_CASE_NOTE);
        LatchkeyWindow.await(() -> caseNotes().stream().anyMatch(n -> n.text().equals(note)), () -> "note " + note);
        return this;
    }

    public List<CaseNote> caseNotes() {
        return window.<ListView<CaseNote>>node(FxId.HELPDESK_CASE_NOTES).getItems();
    }

    public HelpdeskPage releaseHold() {
        click(FxId.HELPDESK_RELEASE_HOLD);
        return this;
    }

    private TableView<CaseSummary> casesTable() {
        return window.node(FxId.HELPDESK_CASES_TABLE);
    }
}
