package dev.latchkey.desktop.helpdesk;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Predicate;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

import dev.latchkey.api.Responses.AuditEntry;
import dev.latchkey.api.Responses.CaseDetail;
import dev.latchkey.api.Responses.CaseNote;
import dev.latchkey.api.Responses.CasePage;
import dev.latchkey.api.Responses.CaseSummary;
import dev.latchkey.api.Responses.Delivery;
import dev.latchkey.api.Responses.HelpdeskUser;
import dev.latchkey.api.FreeText;
import dev.latchkey.api.Role;
import dev.latchkey.desktop.AppContext;
import dev.latchkey.desktop.ScreenModel;
import dev.latchkey.desktop.client.ApiError;
import dev.latchkey.desktop.navigation.Navigation;
import dev.latchkey.desktop.navigation.Screen;

/**
 * The help desk: find a user, see their recent events with each email's delivery status, send them a
 * reset (with a reason), clear their sign-in lock or sign them out everywhere, ask for the removal of
 * a second factor they lost (it goes after a waiting time, unless they stop it), invite new users,
 * work the cases ("Not you?" reports and the server's signals), and read the audit trail. Staff never
 * see a token or choose a password: the server sends the email to the user's own address.
 */
public final class HelpdeskViewModel extends ScreenModel {
    static final int AUDIT_PAGE = 50;
    static final int CASES_PAGE = 50;

    private final StringProperty query = new SimpleStringProperty("");
    private final ObservableList<HelpdeskUser> users = FXCollections.observableArrayList();
    private final ObjectProperty<HelpdeskUser> selected = new SimpleObjectProperty<>();
    private final ObservableList<AuditEntry> userEvents = FXCollections.observableArrayList();
    private final ObservableList<AuditEntry> audit = FXCollections.observableArrayList();
    private final FilteredList<AuditEntry> filteredAudit = new FilteredList<>(audit);
    private final StringProperty typeFilter = new SimpleStringProperty("");
    private final StringProperty textFilter = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("");
    private final BooleanBinding canAct;
    private final BooleanBinding canRemoveSecondFactor;
    private final ObservableList<CaseSummary> cases = FXCollections.observableArrayList();
    private final ObjectProperty<CaseDetail> caseDetail = new SimpleObjectProperty<>();
    private final ObservableList<CaseNote> caseNotes = FXCollections.observableArrayList();
    private final ObservableList<AuditEntry> caseEvents = FXCollections.observableArrayList();
    private final StringProperty caseNote = new SimpleStringProperty("");
    private final IntegerProperty openCases = new SimpleIntegerProperty();
    private final IntegerProperty casesTotal = new SimpleIntegerProperty();
    /** The queue's filters: a case status, a case kind (each empty for any) and an owner's reference. */
    private final StringProperty caseStatusFilter = new SimpleStringProperty("");
    private final StringProperty caseKindFilter = new SimpleStringProperty("");
    private final StringProperty caseReference = new SimpleStringProperty("");
    private final BooleanBinding canLoadMoreCases;
    private final BooleanBinding canAcknowledge;
    private final BooleanBinding canResolve;
    private final BooleanBinding canRelease;
    private final BooleanBinding canAddNote;

    public HelpdeskViewModel(AppContext context, Navigation navigator) {
        super(context, navigator);
        canAct = Bindings.createBooleanBinding(() -> selected.get() != null && !busyProperty().get()
                && (selected.get().role() != Role.ADMIN || isAdmin()), selected, busyProperty());
        canRemoveSecondFactor = canAct.and(Bindings.createBooleanBinding(() -> selected.get() != null
                && selected.get().secondFactor() && selected.get().secondFactorRemovalDue() == null, selected));
        typeFilter.addListener((obs, old, now) -> refilter());
        textFilter.addListener((obs, old, now) -> refilter());
        caseStatusFilter.addListener((obs, old, now) -> loadCases());
        caseKindFilter.addListener((obs, old, now) -> loadCases());
        canLoadMoreCases = Bindings.createBooleanBinding(() -> cases.size() < casesTotal.get() && !busyProperty().get(),
                cases, casesTotal, busyProperty());
        canAcknowledge = caseAllows(c -> c.status().equals("OPEN"));
        canResolve = caseAllows(c -> !c.status().equals("RESOLVED"));
        // As the server: only the account's report case that is not resolved lifts its hold.
        canRelease = caseAllows(c -> c.held() && c.kind().equals("REPORT") && !c.status().equals("RESOLVED"));
        canAddNote = caseAllows(c -> true).and(Bindings.createBooleanBinding(
                () -> FreeText.fits(caseNote.get(), FreeText.NOTE_MAX), caseNote));
    }

    public StringProperty queryProperty() {
        return query;
    }

    public ObservableList<HelpdeskUser> users() {
        return users;
    }

    public ObjectProperty<HelpdeskUser> selectedProperty() {
        return selected;
    }

    public ObservableList<AuditEntry> userEvents() {
        return userEvents;
    }

    public FilteredList<AuditEntry> filteredAudit() {
        return filteredAudit;
    }

    public StringProperty typeFilterProperty() {
        return typeFilter;
    }

    public StringProperty textFilterProperty() {
        return textFilter;
    }

    public StringProperty statusProperty() {
        return status;
    }

    /** A user is selected, and the caller may act on them (HELPDESK members may not act on an ADMIN). */
    public BooleanBinding canActProperty() {
        return canAct;
    }

    /** The selected user has a second factor, with no removal waiting, and the caller may act on them. */
    public BooleanBinding canRemoveSecondFactorProperty() {
        return canRemoveSecondFactor;
    }

    /** The selected user's second factor in words: none, an authenticator app, or when its removal happens. */
    public String secondFactorText(HelpdeskUser user) {
        if (user.secondFactorRemovalDue() != null) {
            return text().get("helpdesk.factor.removal", text().when(user.secondFactorRemovalDue()));
        }
        return text().get(user.secondFactor() ? "helpdesk.factor.on" : "helpdesk.factor.off");
    }

    /** The cases, open ones first, newest first. */
    public ObservableList<CaseSummary> cases() {
        return cases;
    }

    /** How many cases are not resolved, as the server counts them (whatever the filters). */
    public IntegerProperty openCasesProperty() {
        return openCases;
    }

    /** How many cases match the filters, of which {@link #cases()} holds the pages loaded so far. */
    public IntegerProperty casesTotalProperty() {
        return casesTotal;
    }

    /** OPEN, ACKNOWLEDGED or RESOLVED; empty for any. Changing a filter loads the first page again. */
    public StringProperty caseStatusFilterProperty() {
        return caseStatusFilter;
    }

    /** REPORT, SIGNAL or FACTOR_REMOVAL; empty for any. */
    public StringProperty caseKindFilterProperty() {
        return caseKindFilter;
    }

    /** The reference an owner quoted; empty for any case. */
    public StringProperty caseReferenceProperty() {
        return caseReference;
    }

    public BooleanBinding canLoadMoreCasesProperty() {
        return canLoadMoreCases;
    }

    /** The selected case, as the server last returned it. */
    public ObjectProperty<CaseDetail> caseDetailProperty() {
        return caseDetail;
    }

    /** The selected case's notes, oldest first. */
    public ObservableList<CaseNote> caseNotes() {
        return caseNotes;
    }

    /** The audit events around the selected case, newest first. */
    public ObservableList<AuditEntry> caseEvents() {
        return caseEvents;
    }

    /** The note being written for the selected case. */
    public StringProperty caseNoteProperty() {
        return caseNote;
    }

    public BooleanBinding canAcknowledgeProperty() {
        return canAcknowledge;
    }

    public BooleanBinding canResolveProperty() {
        return canResolve;
    }

    /** Only a held account can be released. */
    public BooleanBinding canReleaseProperty() {
        return canRelease;
    }

    public BooleanBinding canAddNoteProperty() {
        return canAddNote;
    }

    public boolean isAdmin() {
        return context.session().get() != null && context.session().get().user().role() == Role.ADMIN;
    }

    /** The roles this staff member may give a new user. */
    public List<Role> invitableRoles() {
        return isAdmin() ? List.of(Role.USER, Role.HELPDESK, Role.ADMIN) : List.of(Role.USER);
    }

    public void search() {
        String q = query.get().strip();
        call(() -> context.client().helpdeskUsers(session(), q), found -> {
            HelpdeskUser keep = selected.get();
            users.setAll(found);
            selected.set(keep == null ? null : found.stream().filter(u -> u.id() == keep.id()).findFirst().orElse(null));
        }, this::failed);
    }

    public void select(HelpdeskUser user) {
        selected.set(user);
        status.set("");
        loadUserEvents();
    }

    /** Reloads the selected user and their events: an email's delivery status changes in the background. */
    public void refreshSelected() {
        search();
        loadUserEvents();
    }

    public void sendReset(String reason) {
        HelpdeskUser user = selected.get();
        String trimmed = reason == null ? "" : reason.strip();
        if (user == null || !FreeText.fits(trimmed, FreeText.REASON_MAX)) {
            return;
        }
        call(() -> {
            context.client().startReset(session(), user.id(), trimmed);
            return null;
        }, done -> {
            status.set(text().get("helpdesk.resetSent", user.email()));
            loadUserEvents();
        }, this::failed);
    }

    /**
     * Asks for the removal of the selected user's second factor, after checking who they are
     * ({@code reason} says how): it happens after the server's waiting time, unless the owner stops it.
     */
    public void removeSecondFactor(String reason) {
        HelpdeskUser user = selected.get();
        String trimmed = reason == null ? "" : reason.strip();
        if (user == null || !FreeText.fits(trimmed, FreeText.REASON_MAX)) {
            return;
        }
        call(() -> context.client().removeSecondFactor(session(), user.id(), trimmed), removal -> {
            status.set(text().get("helpdesk.factorRemovalAsked", user.email(), text().when(removal.dueAt())));
            search();
            loadUserEvents();
        }, this::failed);
    }

    public void unlock() {
        HelpdeskUser user = selected.get();
        if (user == null) {
            return;
        }
        call(() -> {
            context.client().unlock(session(), user.id());
            return null;
        }, done -> {
            status.set(text().get("helpdesk.unlocked", user.email()));
            search();
            loadUserEvents();
        }, this::failed);
    }

    /** Ends every session of the selected user (a lost laptop, a shared computer): they sign in again. */
    public void signOutEverywhere() {
        HelpdeskUser user = selected.get();
        if (user == null) {
            return;
        }
        call(() -> {
            context.client().endSessions(session(), user.id());
            return null;
        }, done -> {
            status.set(text().get("helpdesk.signedOutEverywhere", user.email()));
            loadUserEvents();
        }, this::failed);
    }

    public void invite(String email, String displayName, Role role, Consumer<HelpdeskUser> onInvited) {
        call(() -> context.client().invite(session(), email.strip(), displayName.strip(), role), user -> {
            query.set(user.email());
            search();
            select(user);
            status.set(text().get("helpdesk.invited", user.email()));
            onInvited.accept(user);
        }, this::failed);
    }

    public void loadAudit() {
        call(() -> context.client().audit(session(), null, AUDIT_PAGE, null), audit::setAll, this::failed);
    }

    public void loadMoreAudit() {
        Long before = audit.isEmpty() ? null : audit.get(audit.size() - 1).id();
        call(() -> context.client().audit(session(), null, AUDIT_PAGE, before), audit::addAll, this::failed);
    }

    /** The first page of the queue as the filters narrow it. */
    public void loadCases() {
        call(() -> casesPage(0), page -> {
            cases.setAll(page.cases());
            counted(page);
        }, this::failed);
    }

    /** The next page, after the cases shown. */
    public void loadMoreCases() {
        int shown = cases.size();
        call(() -> casesPage(shown), page -> {
            cases.addAll(page.cases());
            counted(page);
        }, this::failed);
    }

    private CasePage casesPage(int offset) throws ApiError {
        return context.client().cases(session(), caseStatusFilter.get(), caseKindFilter.get(), caseReference.get(),
                CASES_PAGE, offset);
    }

    private void counted(CasePage page) {
        casesTotal.set(page.total());
        openCases.set(page.open());
    }

    /** Reloads the cases and the selected one: another staff member may have worked on them. */
    public void refreshCases() {
        loadCases();
        CaseDetail shown = caseDetail.get();
        if (shown != null) {
            call(() -> context.client().caseDetail(session(), shown.summary().id()), this::showCase, this::failed);
        }
    }

    public void selectCase(CaseSummary summary) {
        status.set("");
        // A half-written note belongs to the case it was written for.
        caseNote.set("");
        call(() -> context.client().caseDetail(session(), summary.id()), this::showCase, this::failed);
    }

    public void acknowledgeCase() {
        if (canAcknowledge.get()) {
            act(id -> context.client().acknowledgeCase(session(), id), done -> say("helpdesk.case.acknowledged", done));
        }
    }

    public void addCaseNote() {
        if (canAddNote.get()) {
            String note = caseNote.get().strip();
            act(id -> context.client().addCaseNote(session(), id, note), done -> {
                caseNote.set("");
                say("helpdesk.case.noteAdded", done);
            });
        }
    }

    public void resolveCase() {
        if (canResolve.get()) {
            act(id -> context.client().resolveCase(session(), id), done -> say("helpdesk.case.resolved", done));
        }
    }

    /** The server lifts the hold and emails the owner a fresh reset link, at their own address. */
    public void releaseHold() {
        if (canRelease.get()) {
            act(id -> context.client().releaseHold(session(), id), done -> say("helpdesk.case.released", done));
        }
    }

    /** A case's kind in plain words: a "Not you?" report, or which signal the server raised. */
    public String caseKindText(CaseSummary summary) {
        return summary.kind().equals("SIGNAL") ? text().words("case.signal.", summary.signal())
                : text().words("case.kind.", summary.kind());
    }

    public String caseStatusText(CaseSummary summary) {
        return text().words("case.status.", summary.status());
    }

    public String caseTitle(CaseSummary summary) {
        return text().get("helpdesk.case.title", summary.id(), caseKindText(summary));
    }

    /** Status, the reference its owner was told, whom or where it is about, whether the account is held, and when. */
    public String caseFacts(CaseSummary summary) {
        List<String> facts = new ArrayList<>();
        facts.add(text().get("helpdesk.case.status", caseStatusText(summary)));
        if (summary.reference() != null) {
            facts.add(text().get("helpdesk.case.reference", summary.reference()));
        }
        if (summary.userEmail() != null) {
            facts.add(text().get("helpdesk.case.account", summary.userEmail()));
            facts.add(text().get(summary.held() ? "helpdesk.case.heldLong" : "helpdesk.case.notHeld"));
        }
        if (summary.ip() != null) {
            facts.add(text().get("helpdesk.case.ip", summary.ip()));
        }
        facts.add(text().get("helpdesk.case.opened", text().when(summary.openedAt())));
        facts.add(text().get("helpdesk.case.updated", text().when(summary.updatedAt())));
        return text().facts(facts);
    }

    public String roleText(Role role) {
        return text().words("role.", role.name());
    }

    /** An audit event's type in plain words (the code itself for a type this app does not know yet). */
    public String auditTypeText(String type) {
        return type == null || type.isEmpty() ? text().get("helpdesk.audit.allTypes") : text().words("audit.type.", type);
    }

    /** One line for an email's fate: sent, waiting to retry (and why), failed (and why), not sent. */
    public String deliveryText(Delivery delivery) {
        if (delivery == null) {
            return "";
        }
        return switch (delivery.status()) {
            case "SENT" -> text().get("delivery.sent");
            case "QUEUED" -> delivery.lastError() == null ? text().get("delivery.queued")
                    : text().get("delivery.retrying", delivery.attempts(), delivery.lastError());
            case "FAILED" -> text().get("delivery.failed", delivery.lastError());
            default -> text().get("delivery.discarded");
        };
    }

    private void loadUserEvents() {
        HelpdeskUser user = selected.get();
        if (user == null) {
            userEvents.clear();
            return;
        }
        call(() -> context.client().audit(session(), user.id(), 20, null), userEvents::setAll, this::failed);
    }

    /** A call on the selected case that answers with the case as it is now. */
    private interface CaseAction {
        CaseDetail on(long caseId) throws ApiError;
    }

    private void act(CaseAction action, Consumer<CaseDetail> then) {
        long id = caseDetail.get().summary().id();
        call(() -> action.on(id), detail -> {
            showCase(detail);
            then.accept(detail);
        }, this::failed);
    }

    private void say(String key, CaseDetail detail) {
        status.set(text().get(key, detail.summary().id(), detail.summary().userEmail()));
    }

    private void showCase(CaseDetail detail) {
        // The list shows the case as the server last described it.
        for (int i = 0; i < cases.size(); i++) {
            if (cases.get(i).id() == detail.summary().id()) {
                cases.set(i, detail.summary());
            }
        }
        caseNotes.setAll(detail.notes());
        caseEvents.setAll(detail.events());
        caseDetail.set(detail);
    }

    private BooleanBinding caseAllows(Predicate<CaseSummary> allowed) {
        return Bindings.createBooleanBinding(() -> caseDetail.get() != null && !busyProperty().get()
                && allowed.test(caseDetail.get().summary()), caseDetail, busyProperty());
    }

    private void refilter() {
        String type = typeFilter.get();
        String words = textFilter.get().strip().toLowerCase(Locale.ROOT);
        filteredAudit.setPredicate(entry -> (type == null || type.isEmpty() || entry.type().equals(type))
                && (words.isEmpty() || contains(entry.userEmail(), words) || contains(entry.actor(), words)
                || contains(entry.detail(), words)));
    }

    private static boolean contains(String field, String words) {
        return field != null && field.toLowerCase(Locale.ROOT).contains(words);
    }

    private void failed(Exception failure) {
        if (failure instanceof ApiError e && e.kind() == ApiError.Kind.UNAUTHORIZED) {
            context.session().set(null);
            context.notice().set(text().get("error.unauthorized"));
            navigator.show(Screen.SIGN_IN);
        } else {
            status.set("");
            showError(failure);
        }
    }

    private String session() {
        return context.session().get() == null ? null : context.session().get().token();
    }
}
