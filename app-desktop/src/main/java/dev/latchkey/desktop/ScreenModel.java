package dev.latchkey.desktop;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import dev.latchkey.desktop.navigation.Navigation;

/**
 * What every screen's view-model has: a busy flag while a call runs (views show progress and disable
 * their buttons), an error in plain words, and the app's shared state.
 */
public abstract class ScreenModel {
    protected final AppContext context;
    protected final Navigation navigator;
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final StringProperty error = new SimpleStringProperty("");

    protected ScreenModel(AppContext context, Navigation navigator) {
        this.context = context;
        this.navigator = navigator;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    public StringProperty errorProperty() {
        return error;
    }

    protected Messages text() {
        return context.messages();
    }

    /** Runs a call in the background; the outcome arrives on the UI thread. */
    protected <T> void call(Callable<T> work, Consumer<T> onSuccess) {
        call(work, onSuccess, this::showError);
    }

    protected <T> void call(Callable<T> work, Consumer<T> onSuccess, Consumer<Exception> onFailure) {
        busy.set(true);
        error.set("");
        context.runner().run(work, result -> {
            busy.set(false);
            onSuccess.accept(result);
        }, failure -> {
            busy.set(false);
            onFailure.accept(failure);
        });
    }

    protected void showError(Exception e) {
        error.set(text().describe(e));
    }
}
