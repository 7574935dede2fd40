package dev.latchkey.desktop.ui;

import static dev.latchkey.desktop.ui.UiSupport.await;
import static dev.latchkey.desktop.ui.UiSupport.awaitScreen;
import static dev.latchkey.desktop.ui.UiSupport.disabled;
import static dev.latchkey.desktop.ui.UiSupport.text;
import static dev.latchkey.desktop.ui.UiSupport.type;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import dev.latchkey.desktop.AppContext;
import dev.latchkey.desktop.navigation.Navigator;
import dev.latchkey.desktop.navigation.Screen;
import dev.latchkey.desktop.support.DesktopFixture;

/** With no account yet, the app asks for the administrator first. */
@ExtendWith(ApplicationExtension.class)
class FirstRunUiTest {
    @TempDir
    Path dir;
    DesktopFixture fixture;
    AppContext context;
    Navigator navigator;

    @Start
    void start(Stage stage) {
        fixture = new DesktopFixture(dir);
        context = UiSupport.context(fixture);
        navigator = UiSupport.show(stage, context, fixture.server.accounts().any() ? Screen.SIGN_IN : Screen.SETUP);
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void createAdministratorThenSignInWithKeyboardOnly(FxRobot robot) {
        assertThat(navigator.currentProperty().get()).isEqualTo(Screen.SETUP);
        type(robot, "#email", "Admin@Example.com");
        type(robot, "#name", "Ada Admin");
        type(robot, "#newPassword", "admin quartz lantern meadow");
        assertThat(text(robot, "#rule-NOT_EMAIL_NAME")).as("the address is known here, so checked live")
                .startsWith("\u2717");
        robot.interact(() -> robot.lookup("#newPassword").queryAs(TextInputControl.class).clear());
        type(robot, "#newPassword", DesktopFixture.PASSWORD);
        assertThat(disabled(robot, "#create")).as("confirmation still empty").isTrue();
        type(robot, "#confirmPassword", DesktopFixture.PASSWORD);
        assertThat(text(robot, "#rule-MATCH")).startsWith("\u2713");
        robot.clickOn("#showPasswords");
        assertThat(text(robot, "#newPasswordShown")).isEqualTo(DesktopFixture.PASSWORD);
        robot.clickOn("#create");
        awaitScreen(navigator, Screen.SIGN_IN);
        assertThat(text(robot, "#notice")).contains("admin@example.com").contains("created");
        assertThat(text(robot, "#email")).isEqualTo("admin@example.com");

        // Keyboard only: focus starts in the password field (the address is filled in); Enter signs in.
        robot.write(DesktopFixture.PASSWORD);
        robot.type(KeyCode.ENTER);
        // An administrator is staff: the help desk first, the account one click away.
        awaitScreen(navigator, Screen.HELPDESK);
        robot.clickOn("#openAccount");
        awaitScreen(navigator, Screen.ACCOUNT);
        await(() -> text(robot, "#details").contains("ADMIN"));
        assertThat(text(robot, "#name")).isEqualTo("Ada Admin");
    }

    @Test
    void tabMovesFromEmailToPasswordOnSignIn(FxRobot robot) throws Exception {
        fixture.addUser("tabber@example.com");
        robot.interact(() -> navigator.show(Screen.SIGN_IN));
        robot.write("tabber@example.com");
        robot.type(KeyCode.TAB);
        robot.write(DesktopFixture.PASSWORD);
        robot.type(KeyCode.ENTER);
        awaitScreen(navigator, Screen.ACCOUNT);
    }
}
