package dev.latchkey.desktop.ui;

import static dev.latchkey.desktop.ui.UiSupport.await;
import static dev.latchkey.desktop.ui.UiSupport.awaitScreen;
import static dev.latchkey.desktop.ui.UiSupport.disabled;
import static dev.latchkey.desktop.ui.UiSupport.paste;
import static dev.latchkey.desktop.ui.UiSupport.text;
import static dev.latchkey.desktop.ui.UiSupport.type;
import static dev.latchkey.desktop.ui.UiSupport.visible;
import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

import dev.latchkey.api.Responses.AuditEntry;
import dev.latchkey.api.Responses.CaseNote;
import dev.latchkey.api.Responses.CaseSummary;
import dev.latchkey.api.Role;
import dev.latchkey.desktop.mailbox.MailItem;
import dev.latchkey.desktop.navigation.Screen;
import dev.latchkey.desktop.reset.TokenViewModel;
import dev.latchkey.desktop.support.DesktopFixture;

/** Help-desk staff help people without ever holding their secret. */
class HelpdeskUiTest extends SharedAppUiTest {
    static int people;

    @BeforeAll
    static void addStaff() {
        fixture.addUser("desk@example.com", Role.HELPDESK);
    }

    private void signIn(FxRobot robot, String email, String password, Screen expected) {
        robot.interact(() -> navigator.show(Screen.SIGN_IN));
        paste(robot, "#email", "");
        type(robot, "#email", email);
        type(robot, "#password", password);
        robot.type(KeyCode.ENTER);
        awaitScreen(navigator, expected);
    }

    private void signOut(FxRobot robot) {
        robot.clickOn("#openAccount");
        awaitScreen(navigator, Screen.ACCOUNT);
        robot.clickOn("#signOut");
        awaitScreen(navigator, Screen.SIGN_IN);
    }

    /** As the user: the newest code in the local mailbox, then a new password, then signing in with it. */
    private void completeFromMailbox(FxRobot robot, String email) {
        robot.clickOn("#openMailbox");
        awaitScreen(navigator, Screen.MAILBOX);
        ListView<MailItem> inbox = robot.lookup("#messages").query();
        await(() -> !inbox.getItems().isEmpty() && inbox.getItems().get(0).to().equals(email)
                && !text(robot, "#code").isEmpty());
        String code = text(robot, "#code");
        robot.clickOn("#back");
        awaitScreen(navigator, Screen.SIGN_IN);
        robot.clickOn("#forgotPassword");
        awaitScreen(navigator, Screen.FORGOT);
        robot.clickOn("#haveCodeAlready");
        awaitScreen(navigator, Screen.TOKEN);
        paste(robot, "#code", code);
        robot.type(KeyCode.ENTER);
        await(() -> visible(robot, "#verified"));
        robot.type(KeyCode.ENTER);
        awaitScreen(navigator, Screen.NEW_PASSWORD);
        type(robot, "#newPassword", DesktopFixture.NEW_PASSWORD);
        type(robot, "#confirmPassword", DesktopFixture.NEW_PASSWORD);
        robot.type(KeyCode.ENTER);
        awaitScreen(navigator, Screen.DONE);
        robot.clickOn("#backToSignIn");
        awaitScreen(navigator, Screen.SIGN_IN);
        signIn(robot, email, DesktopFixture.NEW_PASSWORD, Screen.ACCOUNT);
    }

    @Test
    void staffFindsUserSendsResetWithReasonAndUserCompletesItFromLocalMailbox(FxRobot robot) {
        String customer = fixture.addUser("customer" + (++people) + "@example.com");
        signIn(robot, "desk@example.com", DesktopFixture.PASSWORD, Screen.HELPDESK);

        type(robot, "#userSearch", "customer" + people);
        ListView<?> found = robot.lookup("#users").query();
        await(() -> found.getItems().size() == 1);
        robot.interact(() -> found.getSelectionModel().select(0));
        await(() -> visible(robot, "#userDetail") && text(robot, "#detailEmail").equals(customer));

        robot.clickOn("#sendReset");
        await(() -> robot.lookup("#reason").tryQuery().isPresent());
        robot.clickOn("#reason").write("Called the front desk, identity checked by phone");
        robot.clickOn("#confirmReset");
        await(() -> text(robot, "#status").contains("on its way"));

        ListView<AuditEntry> events = robot.lookup("#userEvents").query();
        await(() -> events.getItems().stream().anyMatch(e -> e.type().equals("HELPDESK_RESET_STARTED")
                && e.delivery() != null && e.delivery().status().equals("SENT")) || refresh(robot));
        String everythingStaffSaw = events.getItems().toString() + text(robot, "#status");
        assertThat(everythingStaffSaw).contains("identity checked by phone");

        signOut(robot);
        assertThat(everythingStaffSaw).as("no token ever reaches staff").doesNotContainPattern("[A-Za-z0-9_-]{64}");
        completeFromMailbox(robot, customer);
    }

    @Test
    void plainUserNeverSeesTheHelpDesk(FxRobot robot) {
        String plain = fixture.addUser("plain" + (++people) + "@example.com");
        signIn(robot, plain, DesktopFixture.PASSWORD, Screen.ACCOUNT);
        assertThat(visible(robot, "#openHelpdesk")).isFalse();
        // Even if the screen were reached, the server refuses: the app shows it in plain words.
        robot.interact(() -> navigator.show(Screen.HELPDESK));
        await(() -> visible(robot, "#error"));
        assertThat(text(robot, "#error")).contains("help-desk rights");
    }

    @Test
    void invitedUserSetsAFirstPasswordAndSignsIn(FxRobot robot) {
        String invitee = "newcomer" + (++people) + "@example.com";
        signIn(robot, "desk@example.com", DesktopFixture.PASSWORD, Screen.HELPDESK);
        robot.clickOn("#inviteUser");
        await(() -> robot.lookup("#inviteEmail").tryQuery().isPresent());
        robot.clickOn("#inviteEmail").write(invitee);
        robot.clickOn("#inviteName").write("Nora Newcomer");
        robot.clickOn("#confirmInvite");
        await(() -> text(robot, "#status").contains("Invitation sent"));
        signOut(robot);
        completeFromMailbox(robot, invitee);
        await(() -> text(robot, "#name").equals("Nora Newcomer"));
    }

    @Test
    void staffAcknowledgesAReportedCaseAddsANoteAndReleasesTheHold(FxRobot robot) throws Exception {
        String owner = fixture.addUser("reporter" + (++people) + "@example.com");
        String link = fixture.passwordChangedReportLink(owner);
        long reference = fixture.client.report(TokenViewModel.extractReportToken(link).orElseThrow()).reference();
        signIn(robot, "desk@example.com", DesktopFixture.PASSWORD, Screen.HELPDESK);

        robot.clickOn("#casesTab");
        TableView<CaseSummary> cases = robot.lookup("#casesTable").query();
        await(() -> cases.getItems().stream().anyMatch(c -> c.id() == reference));
        assertThat(cases.getItems().get(0).status()).as("open cases first").isNotEqualTo("RESOLVED");
        robot.interact(() -> cases.getSelectionModel().select(
                cases.getItems().stream().filter(c -> c.id() == reference).findFirst().orElseThrow()));
        await(() -> visible(robot, "#caseDetail") && text(robot, "#caseTitle").startsWith("Case " + reference + " "));
        assertThat(text(robot, "#caseFacts")).contains(owner).contains("account held");
        assertThat(disabled(robot, "#releaseHold")).isFalse();

        robot.clickOn("#acknowledgeCase");
        await(() -> text(robot, "#status").equals("Case " + reference + " acknowledged."));
        assertThat(disabled(robot, "#acknowledgeCase")).isTrue();
        assertThat(text(robot, "#caseFacts")).contains("Status: acknowledged");

        type(robot, "#caseNote", "Called the owner back: the change was not them");
        robot.clickOn("#addCaseNote");
        ListView<CaseNote> notes = robot.lookup("#caseNotes").query();
        await(() -> notes.getItems().stream()
                .anyMatch(n -> n.text().equals("Called the owner back: the change was not them")));
        assertThat(text(robot, "#caseNote")).isEmpty();

        int mails = fixture.messagesTo(owner).size();
        robot.clickOn("#releaseHold");
        await(() -> text(robot, "#status").contains("hold is released"));
        await(() -> disabled(robot, "#releaseHold"));
        assertThat(cases.getSelectionModel().getSelectedItem().id()).as("the case stays selected").isEqualTo(reference);
        assertThat(fixture.newMessage(owner, mails, m -> m.code().isPresent())).as("a fresh reset link").isNotNull();
    }

    /** The delivery status changes in the background; staff press Refresh to see it. */
    private boolean refresh(FxRobot robot) {
        robot.clickOn("#refreshUser");
        return false;
    }
}
