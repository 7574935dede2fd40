package dev.latchkey.desktop.password;

import javafx.beans.property.BooleanProperty;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;

/** Show/hide for password fields: a plain field shares the text and takes the hidden one's place. */
public final class Reveal {
    private Reveal() {
    }

    public static void pair(PasswordField hidden, TextField shown, BooleanProperty show) {
        shown.textProperty().bindBidirectional(hidden.textProperty());
        shown.visibleProperty().bind(show);
        shown.managedProperty().bind(show);
        hidden.visibleProperty().bind(show.not());
        hidden.managedProperty().bind(show.not());
        shown.setAccessibleText(hidden.getAccessibleText());
        show.addListener((obs, was, now) -> (now ? shown : hidden).requestFocus());
    }
}
