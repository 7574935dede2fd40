package dev.latchkey.desktop.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
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

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import dev.latchkey.api.Role;
import dev.latchkey.desktop.AppContext;
import dev.latchkey.desktop.navigation.Screen;
import dev.latchkey.desktop.support.DesktopFixture;
import dev.latchkey.desktop.task.FxBackgroundRunner;
import dev.latchkey.testkit.LatchkeyWindow;

/** Every interactive control of every screen has an fx:id and accessible text. */
@ExtendWith(ApplicationExtension.class)
class AccessibilityUiTest {
    @TempDir
    static Path dir;
    static DesktopFixture fixture;
    LatchkeyWindow window;

    @BeforeAll
    static void startServer() {
        fixture = new DesktopFixture(dir);
        fixture.addUser("staff@example.com", Role.ADMIN);
    }

    @AfterAll
    static void stopServer() {
        fixture.close();
    }

    @Start
    void start(Stage stage) throws Exception {
        AppContext context = fixture.context(new FxBackgroundRunner());
        context.session().set(fixture.client.signIn("staff@example.com", DesktopFixture.PASSWORD));
        window = LatchkeyWindow.open(stage, context, Screen.SIGN_IN);
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
