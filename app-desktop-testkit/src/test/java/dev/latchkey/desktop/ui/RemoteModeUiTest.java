package dev.latchkey.desktop.ui;

import static dev.latchkey.desktop.ui.UiSupport.await;
import static dev.latchkey.desktop.ui.UiSupport.awaitScreen;
import static dev.latchkey.desktop.ui.UiSupport.text;
import static dev.latchkey.desktop.ui.UiSupport.type;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;

import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import dev.latchkey.desktop.AppContext;
import dev.latchkey.desktop.Messages;
import dev.latchkey.desktop.client.AuthClient;
import dev.latchkey.desktop.navigation.Navigator;
import dev.latchkey.desktop.navigation.Screen;
import dev.latchkey.desktop.support.DesktopFixture;
import dev.latchkey.desktop.task.FxBackgroundRunner;
import dev.latchkey.password.PasswordPolicy;

/** With --server the app talks to a server it did not start: no local mailbox, same screens. */
@ExtendWith(ApplicationExtension.class)
class RemoteModeUiTest {
    @TempDir
    static Path dir;
    static DesktopFixture remote;
    Navigator navigator;

    @BeforeAll
    static void startRemoteServer() {
        remote = new DesktopFixture(dir);
        remote.addUser("far@example.com");
    }

    @AfterAll
    static void stopRemoteServer() {
        remote.close();
    }

    @Start
    void start(Stage stage) throws Exception {
        AuthClient client = new AuthClient(remote.server.baseUri());
        AppContext context = new AppContext(client, new FxBackgroundRunner(), Optional.empty(), Messages.load(),
                PasswordPolicy.of(client.passwordPolicy()));
        navigator = UiSupport.show(stage, context, Screen.SIGN_IN);
    }

    @Test
    void remoteServerWorksWithoutLocalMailbox(FxRobot robot) {
        assertThat(robot.lookup("#openMailbox").tryQuery()).isEmpty();
        robot.clickOn("#forgotPassword");
        awaitScreen(navigator, Screen.FORGOT);
        type(robot, "#email", "far@example.com");
        robot.type(KeyCode.ENTER);
        await(() -> !text(robot, "#confirmation").isEmpty());
        assertThat(text(robot, "#confirmation")).contains("If an account exists").doesNotContain("Mailbox");
        robot.clickOn("#backToSignInAfterSent");
        awaitScreen(navigator, Screen.SIGN_IN);
        type(robot, "#password", DesktopFixture.PASSWORD);
        robot.type(KeyCode.ENTER);
        awaitScreen(navigator, Screen.ACCOUNT);
    }
}
