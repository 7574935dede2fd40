package dev.latchkey.desktop;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanExpression;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;

/** The bindings every view repeats: a message shown only when it has text, progress while busy. */
public final class ViewBindings {
    private ViewBindings() {
    }

    public static void message(Label label, ObservableStringValue text) {
        label.textProperty().bind(text);
        shownWhen(label, Bindings.createBooleanBinding(() -> text.get() != null && !text.get().isEmpty(), text));
    }

    public static void busy(ProgressIndicator progress, BooleanExpression busy) {
        shownWhen(progress, busy);
    }

    public static void shownWhen(Node node, BooleanExpression condition) {
        node.visibleProperty().bind(condition);
        node.managedProperty().bind(condition);
    }
}
