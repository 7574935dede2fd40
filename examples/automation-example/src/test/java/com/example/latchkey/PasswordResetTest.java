package com.example.latchkey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import dev.latchkey.desktop.support.DesktopFixture;
import dev.latchkey.testkit.LatchkeyWindow;
import dev.latchkey.testkit.page.AccountPage;
import dev.latchkey.testkit.page.CodePage;
import dev.latchkey.testkit.page.ForgotPage;
import dev.latchkey.testkit.page.MailboxPage;
import dev.latchkey.testkit.page.NewPasswordPage;
import dev.latchkey.testkit.page.SignInPage;

/**
 * What a team automating Latchkey writes with the kit alone: the app and its embedded server on a
 * temporary data folder, a whole password reset through the real screens, the code read from the
 * app's own mailbox.
 */
@ExtendWith(ApplicationExtension.class)
class PasswordResetTest {
    private static final String EMAIL = "sam@example.com";
    private static final String NEW_PASSWORD = "harbour lantern drifts slowly";

    @TempDir
    Path dataDir;
    DesktopFixture latchkey;
    LatchkeyWindow window;

    @Start
    void start(Stage stage) {
        latchkey = new DesktopFixture(dataDir);
        latchkey.addUser(EMAIL);
        window = LatchkeyWindow.open(stage, latchkey);
    }

    @AfterEach
    void stop() {
        latchkey.close();
    }

    @Test
    void resetWhenCodeFromMailboxThenSignsInWithNewPassword() {
        ForgotPage forgot = window.signIn().forgotPassword().email(EMAIL).sendCode();

        MailboxPage<ForgotPage> mailbox = forgot.openMailbox();
        String code = mailbox.latestResetCodeFor(EMAIL);

        CodePage codeScreen = mailbox.back().haveCode().code(code).verify();
        assertTrue(codeScreen.awaitVerified().contains("***@example.com"), "the code names the masked address");

        NewPasswordPage newPassword = codeScreen.proceed().passwords(NEW_PASSWORD);
        assertTrue(newPassword.canSetPassword());
        SignInPage signIn = newPassword.setPassword().backToSignIn();
        assertFalse(window.signedIn(), "a reset never signs in");
        assertEquals(EMAIL, signIn.enteredEmail());

        assertEquals("The email address or password is not right.",
                signIn.password(DesktopFixture.PASSWORD).submitRefused(), "the old password is gone");
        AccountPage account = signIn.password(NEW_PASSWORD).submit();
        assertTrue(account.signedInAs().contains(EMAIL));
    }
}
