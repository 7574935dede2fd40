package dev.latchkey.desktop.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import dev.latchkey.desktop.client.ApiError;
import dev.latchkey.desktop.navigation.Screen;
import dev.latchkey.desktop.support.DesktopFixture;
import dev.latchkey.testkit.SharedAppUiTest;
import dev.latchkey.testkit.LatchkeyWindow;
import dev.latchkey.testkit.page.AccountPage;
import dev.latchkey.testkit.page.CodePage;
import dev.latchkey.testkit.page.DonePage;
import dev.latchkey.testkit.page.ForgotPage;
import dev.latchkey.testkit.page.MailboxPage;
import dev.latchkey.testkit.page.NewPasswordPage;
import dev.latchkey.testkit.page.ReportPage;
import dev.latchkey.testkit.page.SignInPage;
import dev.latchkey.testkit.selector.FxId;

/** The real screens, driven by TestFX through the kit's pages, against the real embedded server. */
class ResetJourneyUiTest extends SharedAppUiTest {
    static int users;

    private static String newUser() {
        return fixture.addUser("ui.person" + (++users) + "@example.com");
    }

    @Test
    void wholeJourneyFromForgotToSigningInWithTheNewPassword() {
        String email = newUser();
        String local = email.substring(0, email.indexOf('@'));

        ForgotPage forgot = window.signIn().forgotPassword().email(email).pressEnter();
        assertThat(forgot.awaitConfirmation()).contains("If an account exists").contains("Mailbox");

        // Read the code in the local mailbox, as a person running the app alone would.
        MailboxPage<ForgotPage> mailbox = forgot.openMailbox();
        String code = mailbox.latestResetCode();
        assertThat(code).matches("[A-Za-z0-9_-]{64}");
        assertThat(mailbox.body()).contains("If you did not ask for this, ignore this email")
                .as("the code shown is the reset code, not the \"Not you?\" link's").contains("/reset#token=" + code);
        forgot = mailbox.back();

        CodePage codeScreen = forgot.haveCode().code(code).verify();
        assertThat(codeScreen.awaitVerified()).contains(email.charAt(0) + "***@example.com");
        NewPasswordPage newPassword = codeScreen.proceed();

        // A weak password: the checklist says why and the button stays off.
        newPassword.passwords("short");
        assertThat(newPassword.canSetPassword()).isFalse();
        assertThat(newPassword.rule(FxId.PASSWORD_RULE_MIN_LENGTH)).startsWith("\u2717");

        // Strong to the app, but it holds the email's name: the server refuses, rule by rule.
        newPassword.passwords("purple " + local + " elephants dancing");
        assertThat(newPassword.rule(FxId.PASSWORD_RULE_MIN_LENGTH)).startsWith("\u2713");
        assertThat(newPassword.setPasswordRefused()).contains("name part of your email");

        newPassword.passwords(DesktopFixture.NEW_PASSWORD).pressEnter();
        DonePage done = window.done();
        assertThat(window.signedIn()).as("no automatic sign-in").isFalse();

        SignInPage signIn = done.backToSignIn();
        assertThat(signIn.enteredEmail()).isEqualTo(email);
        signIn.password(DesktopFixture.PASSWORD).pressEnter();
        assertThat(signIn.awaitError()).isEqualTo("The email address or password is not right.");

        signIn.password(DesktopFixture.NEW_PASSWORD).pressEnter();
        AccountPage account = window.account();
        LatchkeyWindow.await(() -> account.email().equals(email));
        assertThat(account.signedInAs()).contains(email);
    }

    @Test
    void pastedWholeLinkIsAccepted() throws Exception {
        String email = newUser();
        String code = fixture.requestCode(email);
        CodePage codeScreen = window.goTo(Screen.TOKEN).code()
                .code("Open this link:\n" + fixture.server.baseUri() + "/reset#token=" + code + "\n");
        codeScreen.pressEnter().awaitVerified();
        codeScreen.pressEnter();
        assertThat(window.newPassword().forAccount()).contains("***@example.com");
    }

    @Test
    void pastedReportLinkOpensTheReportAndOneClickConfirmsIt() throws Exception {
        String link = fixture.passwordChangedReportLink(newUser());
        CodePage codeScreen = window.goTo(Screen.TOKEN).code().code("Not you? " + link + "\n").awaitReportOffer();
        assertThat(codeScreen.disabled(FxId.CODE_VERIFY)).as("a report link is not a reset code").isTrue();
        codeScreen.pressEnter();
        ReportPage report = window.report().awaitReport();
        assertThat(report.event()).isEqualTo("The password of your account was changed.");
        assertThat(report.account()).contains("***@example.com");
        assertThat(report.when()).isNotBlank();

        report.confirm();
        assertThat(report.reference()).matches("Your case reference is [2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}\\. Quote it .*");
        assertThat(report.outcomeMessage()).isNotBlank();
        assertThat(report.supportContact()).isNotBlank();
        assertThat(report.canConfirm()).as("one report per link").isFalse();
        report.backToSignIn();
    }

    @Test
    void expiredCodeIsRefusedWithWayToAskAgain() throws Exception {
        String code = fixture.requestCode(newUser());
        fixture.clock.advance(Duration.ofMinutes(31));
        CodePage codeScreen = window.goTo(Screen.TOKEN).code().code(code);
        assertThat(codeScreen.verifyRefused()).contains("expired").contains("Ask for a new one");
        assertThat(codeScreen.visible(FxId.CODE_ASK_AGAIN)).isTrue();
        assertThat(codeScreen.visible(FxId.CODE_PROCEED)).isFalse();
        codeScreen.askAgain();
    }

    @Test
    void reusedCodeIsRefused() throws Exception {
        String code = fixture.requestCode(newUser());
        fixture.client.completeReset(code, DesktopFixture.NEW_PASSWORD);
        CodePage codeScreen = window.goTo(Screen.TOKEN).code().code(code);
        assertThat(codeScreen.verifyRefused()).contains("been used already");
        assertThat(codeScreen.visible(FxId.CODE_ASK_AGAIN)).isTrue();
    }

    @Test
    void signOutReturnsToSignInAndEndsTheSession() throws Exception {
        String email = newUser();
        AccountPage account = window.signIn().email(email).password(DesktopFixture.PASSWORD).submit();
        String token = window.context().session().get().token();
        SignInPage signIn = account.signOut();
        assertThat(signIn.notice()).isEqualTo("You have signed out.");
        assertThat(window.signedIn()).isFalse();
        try {
            fixture.client.me(token);
            throw new AssertionError("the session still works");
        } catch (ApiError e) {
            assertThat(e.kind()).isEqualTo(ApiError.Kind.UNAUTHORIZED);
        }
    }
}
