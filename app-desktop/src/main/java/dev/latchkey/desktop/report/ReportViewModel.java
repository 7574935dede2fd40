package dev.latchkey.desktop.report;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import dev.latchkey.api.Responses.ReportOutcome;
import dev.latchkey.api.Responses.ReportView;
import dev.latchkey.desktop.AppContext;
import dev.latchkey.desktop.ScreenModel;
import dev.latchkey.desktop.client.ApiError;
import dev.latchkey.desktop.navigation.Navigation;
import dev.latchkey.desktop.navigation.Screen;

/**
 * A "Not you?" link: what it reports (reading it changes nothing), one confirming click, then what
 * Latchkey did, the case's reference to quote and how to reach the help desk.
 */
public final class ReportViewModel extends ScreenModel {
    private final String token;
    private final ObjectProperty<ReportView> report = new SimpleObjectProperty<>();
    private final ObjectProperty<ReportOutcome> outcome = new SimpleObjectProperty<>();
    private final StringProperty heading = new SimpleStringProperty();
    private final StringProperty event = new SimpleStringProperty("");
    private final StringProperty when = new SimpleStringProperty("");
    private final StringProperty from = new SimpleStringProperty("");
    private final StringProperty account = new SimpleStringProperty("");
    private final StringProperty validUntil = new SimpleStringProperty("");
    private final StringProperty reference = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final StringProperty supportContact = new SimpleStringProperty("");
    private final BooleanBinding awaitingConfirmation;
    private final BooleanBinding canConfirm;
    private final BooleanBinding done;

    public ReportViewModel(AppContext context, Navigation navigator) {
        super(context, navigator);
        token = context.reportToken().get();
        heading.set(text().get("report.title"));
        awaitingConfirmation = Bindings.createBooleanBinding(() -> report.get() != null && outcome.get() == null,
                report, outcome);
        canConfirm = awaitingConfirmation.and(busyProperty().not());
        done = Bindings.isNotNull(outcome);
    }

    public ReadOnlyObjectProperty<ReportOutcome> outcomeProperty() {
        return outcome;
    }

    public StringProperty headingProperty() {
        return heading;
    }

    /** What happened, in plain words. */
    public StringProperty eventProperty() {
        return event;
    }

    public StringProperty whenProperty() {
        return when;
    }

    public StringProperty fromProperty() {
        return from;
    }

    /** The account's address, masked. */
    public StringProperty accountProperty() {
        return account;
    }

    public StringProperty validUntilProperty() {
        return validUntil;
    }

    /** The case's reference, in a sentence. */
    public StringProperty referenceProperty() {
        return reference;
    }

    /** What Latchkey did, in the server's words. */
    public StringProperty messageProperty() {
        return message;
    }

    public StringProperty supportContactProperty() {
        return supportContact;
    }

    /** The report is shown and not yet confirmed. */
    public BooleanBinding awaitingConfirmationProperty() {
        return awaitingConfirmation;
    }

    public BooleanBinding canConfirmProperty() {
        return canConfirm;
    }

    public BooleanBinding doneProperty() {
        return done;
    }

    /** Reads what the link reports. */
    public void load() {
        if (token == null) {
            errorProperty().set(text().get("report.noLink"));
            return;
        }
        call(() -> context.client().verifyReport(token), this::show, this::failed);
    }

    /** The one confirming click: the link works once. */
    public void confirm() {
        if (!canConfirm.get()) {
            return;
        }
        call(() -> context.client().report(token), result -> {
            context.reportToken().set(null);
            heading.set(text().get("report.thanks"));
            reference.set(text().get("report.reference", result.reference()));
            message.set(result.message());
            supportContact.set(result.supportContact());
            outcome.set(result);
        }, this::failed);
    }

    public void backToSignIn() {
        navigator.show(Screen.SIGN_IN);
    }

    private void show(ReportView view) {
        event.set(text().words("report.event.", view.event()));
        when.set(text().when(view.occurredAt()));
        from.set(view.clientIp() == null ? text().get("report.unknownAddress") : view.clientIp());
        account.set(view.email());
        validUntil.set(text().get("report.validUntil", text().when(view.expiresAt())));
        report.set(view);
    }

    private void failed(Exception failure) {
        if (failure instanceof ApiError e && e.kind() == ApiError.Kind.INVALID_TOKEN) {
            // The generic "ask for a new code" would be wrong here: there is nothing to ask for.
            report.set(null);
            errorProperty().set(text().get("report.invalidLink"));
        } else {
            showError(failure);
        }
    }
}
