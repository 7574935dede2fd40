package dev.latchkey.desktop.ui;

import static dev.latchkey.desktop.ui.UiSupport.await;
import static dev.latchkey.desktop.ui.UiSupport.awaitScreen;
import static dev.latchkey.desktop.ui.UiSupport.disabled;
import static dev.latchkey.desktop.ui.UiSupport.paste;
import static dev.latchkey.desktop.ui.UiSupport.text;
import static dev.latchkey.desktop.ui.UiSupport.type;
import static dev.latchkey.desktop.ui.UiSupport.visible;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;

import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

import dev.latchkey.desktop.navigation.Screen;
import dev.latchkey.desktop.support.DesktopFixture;

/** The real screens, driven by TestFX, against the real embedded server. */
class ResetJourneyUiTest extends SharedAppUiTest {
    static int users;

    private static String newUser() {
        return fixture.addUser("ui.person" + (++users) + "@example.com");
    }

    @Test
    void wholeJourneyFromForgotToSigningInWithTheNewPassword(FxRobot robot) {
        String email = newUser();
        String local = email.substring(0, email.indexOf('@'));

        robot.clickOn("#forgotPassword");
        awaitScreen(navigator, Screen.FORGOT);
        type(robot, "#email", email);
        robot.type(KeyCode.ENTER);
        await(() -> !text(robot, "#confirmation").isEmpty());
        assertThat(text(robot, "#confirmation")).contains("If an account exists").contains("Mailbox");

        // Read the code in the local mailbox, as a person running the app alone would.
        robot.clickOn("#openMailbox");
        awaitScreen(navigator, Screen.MAILBOX);
        await(() -> !text(robot, "#code").isEmpty());
        String code = text(robot, "#code");
        assertThat(code).matches("[A-Za-z0-9_-]{64}");
        assertThat(text(robot, "#body")).contains("If you did not ask for this, ignore this email")
                .as("the code shown is the reset code, not the \"Not you?\" link's").contains("/reset#token=" + code);
        robot.clickOn("#back");
        awaitScreen(navigator, Screen.FORGOT);

        robot.clickOn("#haveCode");
        awaitScreen(navigator, Screen.TOKEN);
        paste(robot, "#code", code);
        robot.clickOn("#verify");
        await(() -> visible(robot, "#verified"));
        assertThat(text(robot, "#verified")).contains(email.charAt(0) + "***@example.com");
        robot.clickOn("#proceed");
        awaitScreen(navigator, Screen.NEW_PASSWORD);

        // A weak password: the checklist says why and the button stays off.
        type(robot, "#newPassword", "short");
        type(robot, "#confirmPassword", "short");
        assertThat(disabled(robot, "#setPassword")).isTrue();
        assertThat(text(robot, "#rule-MIN_LENGTH")).startsWith("\u2717");

        // Strong to the app, but it holds the email's name: the server refuses, rule by rule.
        String withName = "purple " + local + " elephants dancing";
        clear(robot, "#newPassword");
        clear(robot, "#confirmPassword");
        type(robot, "#newPassword", withName);
        type(robot, "#confirmPassword", withName);
        assertThat(text(robot, "#rule-MIN_LENGTH")).startsWith("\u2713");
        robot.clickOn("#setPassword");
        await(() -> visible(robot, "#ruleErrors"));
        assertThat(text(robot, "#ruleErrors")).contains("name part of your email");

        clear(robot, "#newPassword");
        clear(robot, "#confirmPassword");
        type(robot, "#newPassword", DesktopFixture.NEW_PASSWORD);
        type(robot, "#confirmPassword", DesktopFixture.NEW_PASSWORD);
        robot.type(KeyCode.ENTER);
        awaitScreen(navigator, Screen.DONE);
        assertThat(context.session().get()).as("no automatic sign-in").isNull();

        robot.clickOn("#backToSignIn");
        awaitScreen(navigator, Screen.SIGN_IN);
        assertThat(text(robot, "#email")).isEqualTo(email);
        type(robot, "#password", DesktopFixture.PASSWORD);
        robot.type(KeyCode.ENTER);
        await(() -> visible(robot, "#error"));
        assertThat(text(robot, "#error")).isEqualTo("The email address or password is not right.");

        clear(robot, "#password");
        type(robot, "#password", DesktopFixture.NEW_PASSWORD);
        robot.type(KeyCode.ENTER);
        awaitScreen(navigator, Screen.ACCOUNT);
        await(() -> text(robot, "#email").equals(email));
        assertThat(text(robot, "#signedInAs")).contains(email);
    }

    @Test
    void pastedWholeLinkIsAccepted(FxRobot robot) throws Exception {
        String email = newUser();
        String code = fixture.requestCode(email);
        robot.interact(() -> navigator.show(Screen.TOKEN));
        paste(robot, "#code", "Open this link:\n" + fixture.server.baseUri() + "/reset#token=" + code + "\n");
        robot.type(KeyCode.ENTER);
        await(() -> visible(robot, "#verified"));
        robot.type(KeyCode.ENTER);
        awaitScreen(navigator, Screen.NEW_PASSWORD);
        assertThat(text(robot, "#forAccount")).contains("***@example.com");
    }

    @Test
    void pastedReportLinkOpensTheReportAndOneClickConfirmsIt(FxRobot robot) throws Exception {
        String link = fixture.passwordChangedReportLink(newUser());
        robot.interact(() -> navigator.show(Screen.TOKEN));
        paste(robot, "#code", "Not you? " + link + "\n");
        await(() -> visible(robot, "#openReport"));
        assertThat(disabled(robot, "#verify")).as("a report link is not a reset code").isTrue();
        robot.type(KeyCode.ENTER);
        awaitScreen(navigator, Screen.REPORT);
        await(() -> visible(robot, "#confirmReport") && !disabled(robot, "#confirmReport"));
        assertThat(text(robot, "#event")).isEqualTo("The password of your account was changed.");
        assertThat(text(robot, "#account")).contains("***@example.com");
        assertThat(text(robot, "#when")).isNotBlank();

        robot.clickOn("#confirmReport");
        await(() -> visible(robot, "#outcome"));
        assertThat(text(robot, "#reference")).matches("Your case number is \\d+\\. Quote it .*");
        assertThat(text(robot, "#outcomeMessage")).isNotBlank();
        assertThat(text(robot, "#supportContact")).isNotBlank();
        assertThat(visible(robot, "#confirmReport")).as("one report per link").isFalse();
        robot.clickOn("#backToSignIn");
        awaitScreen(navigator, Screen.SIGN_IN);
    }

    @Test
    void expiredCodeIsRefusedWithWayToAskAgain(FxRobot robot) throws Exception {
        String code = fixture.requestCode(newUser());
        fixture.clock.advance(Duration.ofMinutes(31));
        robot.interact(() -> navigator.show(Screen.TOKEN));
        paste(robot, "#code", code);
        robot.clickOn("#verify");
        await(() -> visible(robot, "#error"));
        assertThat(text(robot, "#error")).contains("expired").contains("Ask for a new one");
        assertThat(visible(robot, "#askAgain")).isTrue();
        assertThat(visible(robot, "#proceed")).isFalse();
        robot.clickOn("#askAgain");
        awaitScreen(navigator, Screen.FORGOT);
    }

    @Test
    void reusedCodeIsRefused(FxRobot robot) throws Exception {
        String code = fixture.requestCode(newUser());
        fixture.client.completeReset(code, DesktopFixture.NEW_PASSWORD);
        robot.interact(() -> navigator.show(Screen.TOKEN));
        paste(robot, "#code", code);
        robot.clickOn("#verify");
        await(() -> visible(robot, "#error"));
        assertThat(text(robot, "#error")).contains("been used already");
        assertThat(visible(robot, "#askAgain")).isTrue();
    }

    @Test
    void signOutReturnsToSignInAndEndsTheSession(FxRobot robot) throws Exception {
        String email = newUser();
        type(robot, "#email", email);
        type(robot, "#password", DesktopFixture.PASSWORD);
        robot.clickOn("#signIn");
        awaitScreen(navigator, Screen.ACCOUNT);
        String token = context.session().get().token();
        robot.clickOn("#signOut");
        awaitScreen(navigator, Screen.SIGN_IN);
        assertThat(text(robot, "#notice")).isEqualTo("You have signed out.");
        assertThat(context.session().get()).isNull();
        try {
            fixture.client.me(token);
            throw new AssertionError("the session still works");
        } catch (dev.latchkey.desktop.client.ApiError e) {
            assertThat(e.kind()).isEqualTo(dev.latchkey.desktop.client.ApiError.Kind.UNAUTHORIZED);
        }
    }

    private static void clear(FxRobot robot, String query) {
        TextInputControl field = robot.lookup(query).query();
        robot.interact(field::clear);
    }
}
