package dev.latchkey.desktop.navigation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.ResourceBundle;
import java.util.function.Consumer;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.fxml.FXMLLoader;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.layout.StackPane;
import javafx.util.Callback;

/**
 * Shows one screen at a time in the window's content area. Each visit loads the screen afresh, with a
 * new view-model, so no screen keeps a password or token after it is left. The mailbox is a side trip:
 * {@link #back()} returns to where the user was.
 */
public final class Navigator {
    private final StackPane host = new StackPane();
    private final ResourceBundle bundle;
    private final SimpleObjectProperty<Screen> current = new SimpleObjectProperty<>();
    private final Deque<Screen> trail = new ArrayDeque<>();
    private Callback<Class<?>, Object> controllers;
    private Consumer<Screen> onShown = screen -> { };

    public Navigator(ResourceBundle bundle) {
        this.bundle = bundle;
        host.getStyleClass().add("screen-host");
    }

    /** Where views come from: given a controller class, its instance with its view-model. */
    public void setControllerFactory(Callback<Class<?>, Object> controllers) {
        this.controllers = controllers;
    }

    public void setOnShown(Consumer<Screen> onShown) {
        this.onShown = onShown;
    }

    public StackPane host() {
        return host;
    }

    public ReadOnlyObjectProperty<Screen> currentProperty() {
        return current;
    }

    public void show(Screen screen) {
        if (screen == Screen.MAILBOX && current.get() != null && current.get() != Screen.MAILBOX) {
            trail.push(current.get());
        } else if (screen != Screen.MAILBOX) {
            trail.clear();
        }
        FXMLLoader loader = new FXMLLoader(Navigator.class.getResource(screen.fxml()), bundle);
        loader.setControllerFactory(controllers);
        Parent view;
        try {
            view = loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot load " + screen.fxml(), e);
        }
        host.getChildren().setAll(view);
        current.set(screen);
        Node first = view.lookup(".initial-focus");
        if (first != null) {
            first.requestFocus();
        }
        onShown.accept(screen);
    }

    /** Back from a side trip (the mailbox); to sign-in when there is nowhere to go back to. */
    public void back() {
        show(trail.isEmpty() ? Screen.SIGN_IN : trail.pop());
    }
}
