package dev.latchkey.desktop.helpdesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Locale;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.latchkey.api.FreeText;
import dev.latchkey.api.Responses.CaseSummary;
import dev.latchkey.api.Responses.Delivery;
import dev.latchkey.api.Role;
import dev.latchkey.desktop.AppContext;
import dev.latchkey.desktop.Messages;
import dev.latchkey.desktop.client.ApiError;
import dev.latchkey.desktop.reset.TokenViewModel;
import dev.latchkey.desktop.support.DesktopFixture;
import dev.latchkey.desktop.support.DirectRunner;
import dev.latchkey.desktop.support.RecordingNavigation;

class HelpdeskViewModelTest {
    @TempDir
    static Path dir;
    static DesktopFixture fixture;

    @BeforeAll
    static void start() {
        fixture = new DesktopFixture(dir);
        fixture.addUser("boss@example.com", Role.ADMIN);
        fixture.addUser("desk@example.com", Role.HELPDESK);
        fixture.addUser("pat@example.com");
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    private static HelpdeskViewModel signedIn(String email) throws Exception {
        AppContext context = fixture.context(new DirectRunner());
        context.session().set(fixture.client.signIn(email, DesktopFixture.PASSWORD));
        return new HelpdeskViewModel(context, new RecordingNavigation());
    }

    @Test
    void onlyAnAdministratorMayInviteStaff() throws Exception {
        assertThat(signedIn("boss@example.com").invitableRoles()).containsExactly(Role.USER, Role.HELPDESK, Role.ADMIN);
        assertThat(signedIn("desk@example.com").invitableRoles()).containsExactly(Role.USER);
    }

    @Test
    void helpdeskMemberCannotActOnAnAdministrator() throws Exception {
        HelpdeskViewModel model = signedIn("desk@example.com");
        model.queryProperty().set("boss");
        model.search();
        model.select(model.users().get(0));
        assertThat(model.canActProperty().get()).isFalse();
        model.queryProperty().set("pat");
        model.search();
        model.select(model.users().get(0));
        assertThat(model.canActProperty().get()).isTrue();
    }

    @Test
    void sendResetRecordsTheReasonAndShowsItInTheUsersEvents() throws Exception {
        HelpdeskViewModel model = signedIn("desk@example.com");
        model.queryProperty().set("pat@");
        model.search();
        model.select(model.users().get(0));
        model.sendReset("  Locked out after holiday  ");
        assertThat(model.statusProperty().get()).contains("pat@example.com");
        assertThat(model.userEvents()).anySatisfy(e -> {
            assertThat(e.type()).isEqualTo("HELPDESK_RESET_STARTED");
            assertThat(e.detail()).isEqualTo("Reason: Locked out after holiday");
            assertThat(e.delivery()).isNotNull();
        });
        // Refused before any call: a call would have come back refused by the server, as an error.
        model.sendReset("   ");
        model.sendReset("x".repeat(501));
        assertThat(model.errorProperty().get()).isNullOrEmpty();
        assertThat(model.userEvents().stream().filter(e -> e.type().equals("HELPDESK_RESET_STARTED"))).hasSize(1);
        // Characters, as the server counts them: 500 emoji are a reason the server takes.
        model.sendReset("\uD83D\uDE00".repeat(500));
        assertThat(model.userEvents().stream().filter(e -> e.type().equals("HELPDESK_RESET_STARTED"))).hasSize(2);
    }

    @Test
    void signOutEverywhereEndsEverySessionOfTheSelectedUserAndShowsIt() throws Exception {
        fixture.addUser("roaming@example.com");
        String laptop = fixture.client.signIn("roaming@example.com", DesktopFixture.PASSWORD).token();
        HelpdeskViewModel model = signedIn("desk@example.com");
        model.queryProperty().set("roaming@");
        model.search();
        model.select(model.users().get(0));
        model.signOutEverywhere();
        assertThat(model.statusProperty().get()).isEqualTo("roaming@example.com is signed out everywhere.");
        assertThatThrownBy(() -> fixture.client.me(laptop)).isInstanceOfSatisfying(ApiError.class,
                e -> assertThat(e.kind()).isEqualTo(ApiError.Kind.UNAUTHORIZED));
        assertThat(model.userEvents()).anySatisfy(e -> {
            assertThat(model.auditTypeText(e.type())).isEqualTo("Signed out everywhere by the help desk");
            assertThat(e.actor()).isEqualTo("desk@example.com");
        });
    }

    @Test
    void auditFiltersByTypeAndWords() throws Exception {
        HelpdeskViewModel model = signedIn("boss@example.com");
        model.loadAudit();
        assertThat(model.filteredAudit()).isNotEmpty();
        model.typeFilterProperty().set("SIGN_IN_SUCCEEDED");
        assertThat(model.filteredAudit()).allMatch(e -> e.type().equals("SIGN_IN_SUCCEEDED")).isNotEmpty();
        model.textFilterProperty().set("BOSS@");
        assertThat(model.filteredAudit()).isNotEmpty().allMatch(e -> e.userEmail().equals("boss@example.com"));
        model.typeFilterProperty().set("");
        model.textFilterProperty().set("");
        assertThat(model.filteredAudit()).as("no filter: every loaded row").hasSameSizeAs(model.filteredAudit().getSource());
    }

    @Test
    void staffWorksAReportedCaseFromOpenToResolved() throws Exception {
        fixture.addUser("owner@example.com");
        String link = fixture.passwordChangedReportLink("owner@example.com");
        String given = fixture.client.report(TokenViewModel.extractReportToken(link).orElseThrow()).reference();
        HelpdeskViewModel model = signedIn("desk@example.com");
        model.loadCases();
        assertThat(model.casesTotalProperty().get()).isEqualTo(model.cases().size());
        model.caseReferenceProperty().set(given.toLowerCase());
        model.loadCases();
        assertThat(model.cases()).hasSize(1);
        CaseSummary reported = model.cases().get(0);
        assertThat(reported.reference()).isEqualTo(given);
        long reference = reported.id();
        assertThat(model.caseKindText(reported)).isEqualTo("\"Not you?\" report");
        assertThat(model.caseStatusText(reported)).isEqualTo("open");
        assertThat(model.openCasesProperty().get()).isPositive();
        assertThat(model.canAcknowledgeProperty().get()).as("no case chosen").isFalse();

        model.selectCase(reported);
        assertThat(model.caseDetailProperty().get().summary().id()).isEqualTo(reference);
        assertThat(model.caseTitle(reported)).isEqualTo("Case " + reference + " \u00b7 \"Not you?\" report");
        assertThat(model.caseFacts(reported)).contains("Status: open").contains("User: owner@example.com")
                .contains("account held");
        assertThat(model.caseEvents()).isNotEmpty();
        assertThat(model.canAcknowledgeProperty().get()).isTrue();
        assertThat(model.canReleaseProperty().get()).isTrue();

        model.acknowledgeCase();
        assertThat(model.caseDetailProperty().get().summary().status()).isEqualTo("ACKNOWLEDGED");
        assertThat(model.cases()).as("the list shows the case as it is now")
                .anySatisfy(c -> assertThat(c).isEqualTo(model.caseDetailProperty().get().summary()));
        assertThat(model.statusProperty().get()).isEqualTo("Case " + reference + " acknowledged.");
        assertThat(model.canAcknowledgeProperty().get()).isFalse();

        // Refused before any call: blank, or longer than the server takes.
        model.caseNoteProperty().set("   ");
        assertThat(model.canAddNoteProperty().get()).isFalse();
        model.caseNoteProperty().set("x".repeat(FreeText.NOTE_MAX + 1));
        assertThat(model.canAddNoteProperty().get()).isFalse();
        model.caseNoteProperty().set("  Called the owner back: the change was not them  ");
        model.addCaseNote();
        assertThat(model.caseNotes()).anySatisfy(n -> {
            assertThat(n.text()).isEqualTo("Called the owner back: the change was not them");
            assertThat(n.author()).contains("desk@example.com");
        });
        assertThat(model.caseNoteProperty().get()).isEmpty();

        int mails = fixture.messagesTo("owner@example.com").size();
        model.releaseHold();
        assertThat(model.caseDetailProperty().get().summary().held()).isFalse();
        assertThat(model.canReleaseProperty().get()).isFalse();
        assertThat(model.statusProperty().get()).contains("owner@example.com");
        assertThat(fixture.newMessage("owner@example.com", mails, m -> m.code().isPresent()))
                .as("the owner gets a fresh reset link").isNotNull();

        model.resolveCase();
        assertThat(model.caseDetailProperty().get().summary().status()).isEqualTo("RESOLVED");
        assertThat(model.canResolveProperty().get()).isFalse();
        assertThat(model.errorProperty().get()).isNullOrEmpty();
    }

    @Test
    void casesWhenFilteredThenOnlyMatchingOnesAndTheServersCounts() throws Exception {
        fixture.addUser("filtered@example.com");
        fixture.client.report(TokenViewModel.extractReportToken(fixture.passwordChangedReportLink("filtered@example.com"))
                .orElseThrow());
        HelpdeskViewModel model = signedIn("desk@example.com");
        model.loadCases();
        int open = model.openCasesProperty().get();
        assertThat(open).isPositive();

        model.caseStatusFilterProperty().set("RESOLVED");
        assertThat(model.cases()).allMatch(c -> c.status().equals("RESOLVED"));
        assertThat(model.openCasesProperty().get()).as("open counts every case, whatever the filter").isEqualTo(open);
        model.caseStatusFilterProperty().set("");
        model.caseKindFilterProperty().set("REPORT");
        assertThat(model.cases()).isNotEmpty().allMatch(c -> c.kind().equals("REPORT"));
        assertThat(model.casesTotalProperty().get()).isEqualTo(model.cases().size());
        assertThat(model.canLoadMoreCasesProperty().get()).isFalse();
    }

    @Test
    void casesTabTitleCountsOpenCasesFromOne() {
        Messages text = Messages.load(Locale.ENGLISH);
        assertThat(text.get("helpdesk.cases.tab", 0)).isEqualTo("Cases");
        assertThat(text.get("helpdesk.cases.tab", 1)).isEqualTo("Cases (1 open)");
        assertThat(text.get("helpdesk.cases.tab", 12)).isEqualTo("Cases (12 open)");
    }

    @Test
    void deliveryInPlainWords() throws Exception {
        HelpdeskViewModel model = signedIn("desk@example.com");
        assertThat(model.deliveryText(new Delivery("SENT", 1, null))).isEqualTo("sent");
        assertThat(model.deliveryText(new Delivery("QUEUED", 0, null))).isEqualTo("queued");
        assertThat(model.deliveryText(new Delivery("QUEUED", 2, "ConnectException: refused")))
                .contains("attempt 2 failed: ConnectException: refused").contains("retrying");
        assertThat(model.deliveryText(new Delivery("FAILED", 12, "timeout"))).isEqualTo("failed: timeout");
        assertThat(model.deliveryText(null)).isEmpty();
    }
}
