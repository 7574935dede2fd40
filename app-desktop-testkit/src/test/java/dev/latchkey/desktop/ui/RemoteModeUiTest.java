package dev.latchkey.desktop.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import javafx.stage.Stage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import dev.latchkey.desktop.support.DesktopFixture;
import dev.latchkey.testkit.LatchkeyWindow;
import dev.latchkey.testkit.page.ForgotPage;
import dev.latchkey.testkit.page.SignInPage;

/** With --server the app talks to a server it did not start: no local mailbox, same screens. */
@ExtendWith(ApplicationExtension.class)
class RemoteModeUiTest {
    @TempDir
    static Path dir;
    static DesktopFixture remote;
    LatchkeyWindow window;

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
        window = LatchkeyWindow.openRemote(stage, remote.server.baseUri());
    }

    @Test
    void remoteServerWorksWithoutLocalMailbox() {
        SignInPage signIn = window.signIn();
        assertThat(signIn.hasMailbox()).isFalse();
        ForgotPage forgot = signIn.forgotPassword().email("far@example.com").pressEnter();
        assertThat(forgot.awaitConfirmation()).contains("If an account exists").doesNotContain("Mailbox");
        forgot.backToSignIn().password(DesktopFixture.PASSWORD).pressEnter();
        window.account();
    }
}
