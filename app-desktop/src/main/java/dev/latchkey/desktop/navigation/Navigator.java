package dev.latchkey.desktop.navigation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
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
 * {@link #back()} returns to the screen the user left, exactly as they left it.
 */
public final class Navigator implements Navigation {
    private final StackPane host = new StackPane();
    private ResourceBundle bundle;
    private final SimpleObjectProperty<Screen> current = new SimpleObjectProperty<>();
    private final Deque<Visit> trail = new ArrayDeque<>();
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

    @Override
    public void show(Screen screen) {
        if (screen == Screen.MAILBOX && current.get() != null && current.get() != Screen.MAILBOX) {
            trail.push(new Visit(current.get(), host.getChildren().get(0)));
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
        display(screen, view);
        Node first = view.lookup(".initial-focus");
        if (first != null) {
            first.requestFocus();
        }
    }

    /**
     * Shows the current screen again, built afresh in another language (what was typed on it is gone).
     * A mailbox side trip still returns to the screen it started from, built afresh too.
     */
    public void relocalize(ResourceBundle language) {
        bundle = language;
        List<Visit> stale = trail.stream().map(visit -> new Visit(visit.screen(), null)).toList();
        trail.clear();
        trail.addAll(stale);
        if (current.get() != null) {
            show(current.get());
        }
    }

    /** Returns to the very screen the side trip started from, as it was; to sign-in if there is none. */
    @Override
    public void back() {
        if (trail.isEmpty()) {
            show(Screen.SIGN_IN);
            return;
        }
        Visit visit = trail.pop();
        if (visit.view() == null) {
            show(visit.screen());
        } else {
            display(visit.screen(), visit.view());
        }
    }

    private void display(Screen screen, Node view) {
        host.getChildren().setAll(view);
        current.set(screen);
        onShown.accept(screen);
    }

    /** A screen left for the mailbox, and its view as left (null: to be built again, in another language). */
    private record Visit(Screen screen, Node view) {
    }
}
