package dev.latchkey.desktop.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Control;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;

import dev.latchkey.desktop.navigation.Screen;
import dev.latchkey.testkit.LatchkeyWindow;
import dev.latchkey.testkit.SharedAppUiTest;

/** Every interactive control of every screen has an fx:id and accessible text. */
class AccessibilityUiTest extends SharedAppUiTest {
    @Override
    protected LatchkeyWindow open(Stage stage) {
        return openAsAdministrator(stage);
    }

    @Test
    void everyControlOnEveryScreenHasAnIdAndAccessibleText() {
        List<String> missing = new ArrayList<>();
        for (Screen screen : Screen.values()) {
            window.goTo(screen).awaitScreen(screen);
            collect(window.stage().getScene().getRoot(), screen, missing);
        }
        assertThat(missing).isEmpty();
    }

    private static void collect(Node node, Screen screen, List<String> missing) {
        if (isInteractive(node)) {
            Control control = (Control) node;
            String name = screen + " " + node.getClass().getSimpleName() + " " + node.getId();
            if (node.getId() == null || node.getId().isBlank()) {
                missing.add(name + ": no fx:id");
            }
            String accessible = control.getAccessibleText();
            String visible = node instanceof ButtonBase button ? button.getText() : null;
            if ((accessible == null || accessible.isBlank()) && (visible == null || visible.isBlank())) {
                missing.add(name + ": no accessible text");
            }
        }
        if (node instanceof Control control && control.getSkin() != null && isInteractive(node)) {
            return; // A control's skin is its own business: its parts are not separate controls to a user.
        }
        if (node instanceof Parent parent) {
            parent.getChildrenUnmodifiable().forEach(child -> collect(child, screen, missing));
        }
    }

    private static boolean isInteractive(Node node) {
        return node instanceof ButtonBase || node instanceof TextInputControl || node instanceof ChoiceBox
                || node instanceof ListView || node instanceof TableView || node instanceof ProgressIndicator;
    }
}
