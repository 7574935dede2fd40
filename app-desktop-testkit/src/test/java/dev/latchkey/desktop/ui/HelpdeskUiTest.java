package dev.latchkey.desktop.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.latchkey.api.Role;
import dev.latchkey.desktop.client.ApiError;
import dev.latchkey.desktop.navigation.Screen;
import dev.latchkey.desktop.reset.TokenViewModel;
import dev.latchkey.desktop.support.DesktopFixture;
import dev.latchkey.testkit.SharedAppUiTest;
import dev.latchkey.testkit.LatchkeyWindow;
import dev.latchkey.testkit.page.AccountPage;
import dev.latchkey.testkit.page.CodePage;
import dev.latchkey.testkit.page.HelpdeskPage;
import dev.latchkey.testkit.page.MailboxPage;
import dev.latchkey.testkit.page.SignInPage;
import dev.latchkey.testkit.selector.FxId;

/** Help-desk staff help people without ever holding their secret. */
class HelpdeskUiTest extends SharedAppUiTest {
    static int people;

    @BeforeAll
    static void addStaff() {
        fixture.addUser("desk@example.com", Role.HELPDESK);
    }

    private SignInPage signInScreen() {
        return window.goTo(Screen.SIGN_IN).signIn();
    }

    private HelpdeskPage signInAsStaff() {
        return signInScreen().email("desk@example.com").password(DesktopFixture.PASSWORD).submitAsStaff();
    }

    /** As the user: the newest code in the local mailbox, then a new password, then signing in with it. */
    private AccountPage completeFromMailbox(SignInPage signIn, String email) {
        MailboxPage<SignInPage> mailbox = signIn.openMailbox();
        String code = mailbox.latestResetCodeFor(email);
        CodePage codeScreen = mailbox.back().forgotPassword().haveCodeAlready().code(code);
        codeScreen.pressEnter().awaitVerified();
        codeScreen.pressEnter();
        window.newPassword().passwords(DesktopFixture.NEW_PASSWORD).pressEnter();
        return window.done().backToSignIn().email(email).password(DesktopFixture.NEW_PASSWORD).submit();
    }

    @Test
    void staffFindsUserSendsResetWithReasonAndUserCompletesItFromLocalMailbox() {
        String customer = fixture.addUser("customer" + (++people) + "@example.com");
        HelpdeskPage desk = signInAsStaff().selectOnlyUser("customer" + people);
        assertThat(desk.selectedEmail()).isEqualTo(customer);

        desk.sendReset("Called the front desk, identity checked by phone");
        LatchkeyWindow.await(() -> desk.userEvents().stream().anyMatch(e -> e.type().equals("HELPDESK_RESET_STARTED")
                && e.delivery() != null && e.delivery().status().equals("SENT")) || refresh(desk));
        String everythingStaffSaw = desk.userEvents().toString() + desk.status();
        assertThat(everythingStaffSaw).contains("identity checked by phone");

        SignInPage signIn = desk.openAccount().signOut();
        assertThat(everythingStaffSaw).as("no token ever reaches staff").doesNotContainPattern("[A-Za-z0-9_-]{64}");
        completeFromMailbox(signIn, customer);
    }

    @Test
    void staffAsksToRemoveALostSecondFactorAndItWaitsForItsTimeWhileTheOwnerIsEmailed() throws Exception {
        String owner = fixture.addUser("lostphone" + (++people) + "@example.com");
        fixture.enrolSecondFactor(owner);
        HelpdeskPage desk = signInAsStaff().selectOnlyUser("lostphone" + people);
        assertThat(desk.secondFactor()).isEqualTo("Second factor: an authenticator app");
        assertThat(desk.canRemoveSecondFactor()).isTrue();

        desk.removeSecondFactor("Lost phone and codes; identity checked by a video call");
        LatchkeyWindow.await(() -> desk.secondFactor().startsWith("Second factor: removed on"));
        assertThat(desk.canRemoveSecondFactor()).as("one removal at a time").isFalse();
        assertThat(fixture.newMessage(owner, 0, m -> m.subject().startsWith("Your help desk asked to remove")).text())
                .contains("desk").doesNotContain("video call");
    }

    @Test
    void staffSignsAUserOutEverywhereAndTheirSessionEnds() throws Exception {
        String roaming = fixture.addUser("roaming" + (++people) + "@example.com");
        String session = fixture.client.signIn(roaming, DesktopFixture.PASSWORD).token();
        HelpdeskPage desk = signInAsStaff().selectOnlyUser("roaming" + people);
        assertThat(desk.signOutEverywhere().status()).isEqualTo(roaming + " is signed out everywhere.");
        assertThatThrownBy(() -> fixture.client.me(session)).isInstanceOfSatisfying(ApiError.class,
                e -> assertThat(e.kind()).isEqualTo(ApiError.Kind.UNAUTHORIZED));
        LatchkeyWindow.await(() -> desk.userEvents().stream().anyMatch(e -> e.type().equals("SESSIONS_ENDED")));
    }

    @Test
    void plainUserNeverSeesTheHelpDesk() {
        String plain = fixture.addUser("plain" + (++people) + "@example.com");
        AccountPage account = signInScreen().email(plain).password(DesktopFixture.PASSWORD).submit();
        assertThat(account.visible(FxId.HEADER_OPEN_HELPDESK)).isFalse();
        // Even if the screen were reached, the server refuses: the app shows it in plain words.
        assertThat(window.goTo(Screen.HELPDESK).helpdesk().awaitError()).contains("help-desk rights");
    }

    @Test
    void invitedUserSetsAFirstPasswordAndSignsIn() {
        String invitee = "newcomer" + (++people) + "@example.com";
        SignInPage signIn = signInAsStaff().invite(invitee, "Nora Newcomer").openAccount().signOut();
        AccountPage account = completeFromMailbox(signIn, invitee);
        LatchkeyWindow.await(() -> account.name().equals("Nora Newcomer"));
    }

    @Test
    void staffAcknowledgesAReportedCaseAddsANoteAndReleasesTheHold() throws Exception {
        String owner = fixture.addUser("reporter" + (++people) + "@example.com");
        String link = fixture.passwordChangedReportLink(owner);
        String reference = fixture.client.report(TokenViewModel.extractReportToken(link).orElseThrow()).reference();

        HelpdeskPage desk = signInAsStaff().casesTab();
        LatchkeyWindow.await(() -> !desk.cases().isEmpty());
        assertThat(desk.cases().get(0).held()).as("held accounts' cases first").isTrue();
        desk.findCase(reference.toLowerCase());
        assertThat(desk.casesShown()).isEqualTo("1 of 1 shown");
        long id = desk.selectedCase().id();
        assertThat(desk.caseFacts()).contains(owner).contains("account held").contains("Reference: " + reference);
        assertThat(desk.disabled(FxId.HELPDESK_RELEASE_HOLD)).isFalse();

        desk.acknowledgeCase();
        LatchkeyWindow.await(() -> desk.status().equals("Case " + id + " acknowledged."));
        assertThat(desk.disabled(FxId.HELPDESK_ACKNOWLEDGE_CASE)).isTrue();
        assertThat(desk.caseFacts()).contains("Status: acknowledged");

        desk.addCaseNote("Called the owner back: the change was not them");
        assertThat(desk.text(FxId.HELPDESK_CASE_NOTE)).isEmpty();

        int mails = fixture.messagesTo(owner).size();
        desk.releaseHold().awaitStatus("hold is released");
        LatchkeyWindow.await(() -> desk.disabled(FxId.HELPDESK_RELEASE_HOLD));
        assertThat(desk.selectedCase().id()).as("the case stays selected").isEqualTo(id);
        assertThat(fixture.newMessage(owner, mails, m -> m.code().isPresent())).as("a fresh reset link").isNotNull();
    }

    /** The delivery status changes in the background; staff press Refresh to see it. */
    private static boolean refresh(HelpdeskPage desk) {
        desk.refreshUser();
        return false;
    }
}
