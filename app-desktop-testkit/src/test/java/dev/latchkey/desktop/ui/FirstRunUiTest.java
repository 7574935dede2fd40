package dev.latchkey.desktop.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import dev.latchkey.desktop.navigation.Screen;
import dev.latchkey.desktop.support.DesktopFixture;
import dev.latchkey.server.mfa.Totp;
import dev.latchkey.testkit.LatchkeyWindow;
import dev.latchkey.testkit.page.AccountPage;
import dev.latchkey.testkit.page.SecondFactorPage;
import dev.latchkey.testkit.page.SetupPage;
import dev.latchkey.testkit.page.SignInPage;
import dev.latchkey.testkit.selector.FxId;

/** With no account yet, the app asks for the administrator first. */
@ExtendWith(ApplicationExtension.class)
class FirstRunUiTest {
    @TempDir
    Path dir;
    DesktopFixture fixture;
    LatchkeyWindow window;

    @Start
    void start(Stage stage) {
        // As the app starts its server: the administrator is staff, and staff need a second factor.
        fixture = DesktopFixture.withEmbeddedDefaults(dir);
        window = LatchkeyWindow.open(stage, fixture);
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void createAdministratorThenSignInWithKeyboardOnly(FxRobot robot) {
        assertThat(window.screen()).isEqualTo(Screen.SETUP);
        SetupPage setup = window.setup().email("Admin@Example.com").name("Ada Admin")
                .newPassword("admin quartz lantern meadow");
        assertThat(setup.rule(FxId.PASSWORD_RULE_NOT_EMAIL_NAME)).as("the address is known here, so checked live")
                .startsWith("\u2717");
        setup.newPassword(DesktopFixture.PASSWORD);
        assertThat(setup.canCreate()).as("confirmation still empty").isFalse();
        setup.confirmPassword(DesktopFixture.PASSWORD);
        assertThat(setup.rule(FxId.PASSWORD_RULE_MATCH)).startsWith("\u2713");
        setup.showPasswords();
        assertThat(setup.text(FxId.PASSWORD_NEW_SHOWN)).isEqualTo(DesktopFixture.PASSWORD);
        SignInPage signIn = setup.create();
        assertThat(signIn.notice()).contains("admin@example.com").contains("created");
        assertThat(signIn.enteredEmail()).isEqualTo("admin@example.com");

        // Keyboard only: focus starts in the password field (the address is filled in); Enter signs in.
        robot.write(DesktopFixture.PASSWORD);
        robot.type(KeyCode.ENTER);
        // An administrator is staff: a second factor before the help desk answers.
        SecondFactorPage factor = window.secondFactor();
        assertThat(factor.notice()).contains("second factor");
        factor.currentPassword(DesktopFixture.PASSWORD).setUp();
        byte[] key = Totp.fromBase32(factor.secretKey().replace(" ", ""));
        factor.firstCode(new Totp().codeAt(key, Totp.stepOf(fixture.clock.instant()))).confirm();
        // Then the help desk, the account one click away.
        AccountPage account = factor.doneToHelpdesk().openAccount();
        LatchkeyWindow.await(() -> account.details().contains("administrator")); // role.ADMIN, in English
        assertThat(account.name()).isEqualTo("Ada Admin");
    }

    @Test
    void tabMovesFromEmailToPasswordOnSignIn(FxRobot robot) throws Exception {
        fixture.addUser("tabber@example.com");
        window.goTo(Screen.SIGN_IN).signIn();
        robot.write("tabber@example.com");
        robot.type(KeyCode.TAB);
        robot.write(DesktopFixture.PASSWORD);
        robot.type(KeyCode.ENTER);
        window.account();
    }
}
