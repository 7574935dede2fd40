package dev.latchkey.desktop.mailbox;

import java.util.Optional;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import dev.latchkey.desktop.AppContext;
import dev.latchkey.desktop.ScreenModel;
import dev.latchkey.desktop.navigation.Navigation;

/** The local mailbox (embedded mode): the outbox's messages, newest first, the selected one shown. */
public final class MailboxViewModel extends ScreenModel {
    private final ObservableList<MailItem> messages = FXCollections.observableArrayList();
    private final ObjectProperty<MailItem> selected = new SimpleObjectProperty<>();
    private final StringBinding body;
    private final StringBinding code;
    private final Optional<Outbox> outbox;

    public MailboxViewModel(AppContext context, Navigation navigator) {
        super(context, navigator);
        outbox = context.local().map(local -> new Outbox(local.outbox()));
        body = Bindings.createStringBinding(() -> selected.get() == null ? "" : selected.get().text(), selected);
        code = Bindings.createStringBinding(() -> selected.get() == null ? ""
                : selected.get().code().orElse(""), selected);
    }

    public ObservableList<MailItem> messages() {
        return messages;
    }

    public ObjectProperty<MailItem> selectedProperty() {
        return selected;
    }

    public StringBinding bodyProperty() {
        return body;
    }

    public StringBinding codeProperty() {
        return code;
    }

    public void refresh() {
        if (outbox.isEmpty()) {
            return;
        }
        call(() -> outbox.get().read(), items -> {
            if (items.equals(messages)) {
                return;
            }
            // New mail: show it, newest first, with the newest selected.
            messages.setAll(items);
            selected.set(items.isEmpty() ? null : items.get(0));
        });
    }

    public void back() {
        navigator.back();
    }
}
