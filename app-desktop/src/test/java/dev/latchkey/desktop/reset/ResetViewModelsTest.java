package dev.latchkey.desktop.reset;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.latchkey.desktop.AppContext;
import dev.latchkey.desktop.navigation.Screen;
import dev.latchkey.desktop.support.DesktopFixture;
import dev.latchkey.desktop.support.DirectRunner;
import dev.latchkey.desktop.support.RecordingNavigation;
import dev.latchkey.password.PasswordRule;
import dev.latchkey.desktop.password.PasswordFeedback;

/** The reset screens' view-models against the real embedded server, without a UI. */
class ResetViewModelsTest {
    @TempDir
    static Path dir;
    static DesktopFixture fixture;
    static int users;

    AppContext context;
    RecordingNavigation navigation;

    @BeforeAll
    static void start() {
        fixture = new DesktopFixture(dir);
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    @BeforeEach
    void newContext() {
        context = fixture.context(new DirectRunner());
        navigation = new RecordingNavigation();
    }

    private static String newUser() {
        return fixture.addUser("vm.user" + (++users) + "@example.com");
    }

    @Test
    void extractTokenTakesCodeOrWholeLink() {
        String code = "A".repeat(32) + "b_-" + "9".repeat(29);
        assertThat(TokenViewModel.extractToken(code)).contains(code);
        assertThat(TokenViewModel.extractToken("  " + code + "\n")).contains(code);
        assertThat(TokenViewModel.extractToken("http://127.0.0.1:8080/reset#token=" + code)).contains(code);
        assertThat(TokenViewModel.extractToken("short")).isEmpty();
        assertThat(TokenViewModel.extractToken(code + "x")).isEmpty();
        assertThat(TokenViewModel.extractToken("")).isEmpty();
    }

    @Test
    void reportLinkIsNeverTakenForAResetCode() {
        String report = "R".repeat(64);
        String reset = "S".repeat(64);
        String reportLink = "http://127.0.0.1:8080/report#token=" + report;
        assertThat(TokenViewModel.extractToken(reportLink)).isEmpty();
        assertThat(TokenViewModel.extractReportToken(reportLink)).contains(report);
        // A whole reset email holds both links, in either order: the reset code is its code.
        String resetLink = "http://127.0.0.1:8080/reset#token=" + reset;
        assertThat(TokenViewModel.extractToken("Not you? " + reportLink + "\nReset: " + resetLink)).contains(reset);
        assertThat(TokenViewModel.extractToken(resetLink + "\nNot you? " + reportLink)).contains(reset);
        assertThat(TokenViewModel.extractReportToken(resetLink)).isEmpty();
    }

    @Test
    void pastedReportLinkOffersTheReportInsteadOfACheck() {
        String report = "R".repeat(64);
        TokenViewModel token = new TokenViewModel(context, navigation);
        token.inputProperty().set("Not you? http://127.0.0.1:8080/report#token=" + report);
        assertThat(token.canVerifyProperty().get()).isFalse();
        assertThat(token.reportOfferedProperty().get()).isTrue();
        token.verify();
        assertThat(navigation.shown).isEmpty();
        token.submit();
        assertThat(context.reportToken().get()).isEqualTo(report);
        assertThat(navigation.last()).isEqualTo(Screen.REPORT);

        token.inputProperty().set("S".repeat(64));
        assertThat(token.reportOfferedProperty().get()).isFalse();
        assertThat(token.canVerifyProperty().get()).isTrue();
    }

    @Test
    void forgotWhenInvalidEmailThenErrorWithoutCall() {
        ForgotViewModel forgot = new ForgotViewModel(context, navigation);
        forgot.emailProperty().set("not an address");
        forgot.submit();
        assertThat(forgot.errorProperty().get()).contains("name@example.com");
        assertThat(forgot.sentProperty().get()).isFalse();
    }

    @Test
    void forgotWhenAnyAddressThenSameGenericConfirmation() {
        ForgotViewModel known = new ForgotViewModel(context, navigation);
        known.emailProperty().set(newUser());
        known.submit();
        ForgotViewModel unknown = new ForgotViewModel(fixture.context(new DirectRunner()), navigation);
        unknown.emailProperty().set("nobody.here@example.com");
        unknown.submit();
        assertThat(known.sentProperty().get()).isTrue();
        assertThat(unknown.sentProperty().get()).isTrue();
        assertThat(unknown.confirmationProperty().get()).isEqualTo(known.confirmationProperty().get())
                .contains("If an account exists");
    }

    @Test
    void verifyWhenValidThenMaskedEmailAndExpiryAndTokenKept() throws Exception {
        String email = newUser();
        String code = fixture.requestCode(email);
        TokenViewModel token = new TokenViewModel(context, navigation);
        token.inputProperty().set("http://127.0.0.1/reset#token=" + code);
        token.verify();
        assertThat(token.verifiedProperty().get()).isTrue();
        assertThat(token.verifiedTextProperty().get()).contains("v***@example.com");
        assertThat(context.resetToken().get().token()).isEqualTo(code);
        token.proceed();
        assertThat(navigation.last()).isEqualTo(Screen.NEW_PASSWORD);
    }

    @Test
    void verifyWhenExpiredThenPlainWordsAndWayToAskAgain() throws Exception {
        String code = fixture.requestCode(newUser());
        fixture.clock.advance(Duration.ofMinutes(31));
        TokenViewModel token = new TokenViewModel(context, navigation);
        token.inputProperty().set(code);
        token.verify();
        assertThat(token.verifiedProperty().get()).isFalse();
        assertThat(token.tokenRejectedProperty().get()).isTrue();
        assertThat(token.errorProperty().get()).contains("expired").contains("Ask for a new one");
        token.askAgain();
        assertThat(navigation.last()).isEqualTo(Screen.FORGOT);
    }

    @Test
    void newPasswordWhenWeakThenCannotSubmitAndChecklistSaysWhy() throws Exception {
        verifiedTokenFor(newUser());
        NewPasswordViewModel model = new NewPasswordViewModel(context, navigation);
        model.feedback().passwordProperty().set("short");
        model.feedback().confirmationProperty().set("short");
        assertThat(model.canSubmitProperty().get()).isFalse();
        assertThat(model.feedback().stateOf(PasswordRule.MIN_LENGTH).getValue()).isEqualTo(PasswordFeedback.State.UNMET);
        assertThat(model.feedback().stateOf(PasswordRule.NOT_EMAIL_NAME).getValue())
                .isEqualTo(PasswordFeedback.State.CHECKED_ON_SUBMIT);
        model.feedback().passwordProperty().set(DesktopFixture.NEW_PASSWORD);
        assertThat(model.canSubmitProperty().get()).as("entries differ").isFalse();
        model.feedback().confirmationProperty().set(DesktopFixture.NEW_PASSWORD);
        assertThat(model.canSubmitProperty().get()).isTrue();
    }

    @Test
    void newPasswordWhenServerRefusesRuleThenEachRuleShownAndTokenStillUsable() throws Exception {
        String email = newUser();
        verifiedTokenFor(email);
        NewPasswordViewModel model = new NewPasswordViewModel(context, navigation);
        String withName = "purple " + email.substring(0, email.indexOf('@')) + " elephants dancing";
        model.feedback().passwordProperty().set(withName);
        model.feedback().confirmationProperty().set(withName);
        model.submit();
        assertThat(model.ruleErrorsProperty().get()).contains("name part of your email");
        assertThat(navigation.shown).isEmpty();
        model.feedback().passwordProperty().set(DesktopFixture.NEW_PASSWORD);
        model.feedback().confirmationProperty().set(DesktopFixture.NEW_PASSWORD);
        model.submit();
        assertThat(navigation.last()).isEqualTo(Screen.DONE);
        assertThat(context.resetToken().get()).isNull();
    }

    @Test
    void abandonedJourneyForgetsItsCodeAtSignIn() throws Exception {
        verifiedTokenFor(newUser());
        context.reportToken().set("R".repeat(64));
        new dev.latchkey.desktop.signin.SignInViewModel(context, navigation);
        assertThat(context.resetToken().get()).isNull();
        assertThat(context.reportToken().get()).isNull();
    }

    @Test
    void newPasswordWhenTokenUsedMeanwhileThenRejectedWithWayToAskAgain() throws Exception {
        String email = newUser();
        verifiedTokenFor(email);
        fixture.client.completeReset(context.resetToken().get().token(), DesktopFixture.NEW_PASSWORD);
        NewPasswordViewModel model = new NewPasswordViewModel(context, navigation);
        model.feedback().passwordProperty().set("another calm phrase for later");
        model.feedback().confirmationProperty().set("another calm phrase for later");
        model.submit();
        assertThat(model.tokenRejectedProperty().get()).isTrue();
        assertThat(model.canSubmitProperty().get()).isFalse();
        assertThat(model.errorProperty().get()).contains("Ask for a new one");
    }

    private void verifiedTokenFor(String email) throws Exception {
        String code = fixture.requestCode(email);
        context.resetToken().set(new AppContext.VerifiedToken(code, fixture.client.verify(code)));
    }
}
