package dev.latchkey.desktop.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.latchkey.desktop.AppContext;
import dev.latchkey.desktop.navigation.Screen;
import dev.latchkey.desktop.reset.TokenViewModel;
import dev.latchkey.desktop.support.DesktopFixture;
import dev.latchkey.desktop.support.DirectRunner;
import dev.latchkey.desktop.support.RecordingNavigation;

/** The "Not you?" screen's view-model against the real embedded server, without a UI. */
class ReportViewModelTest {
    @TempDir
    static Path dir;
    static DesktopFixture fixture;
    static int users;

    @BeforeAll
    static void start() {
        fixture = new DesktopFixture(dir);
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    private static ReportViewModel opened(String token, RecordingNavigation navigation) {
        AppContext context = fixture.context(new DirectRunner());
        context.reportToken().set(token);
        ReportViewModel model = new ReportViewModel(context, navigation);
        model.load();
        return model;
    }

    private static String reportToken() throws Exception {
        String email = fixture.addUser("owner" + (++users) + "@example.com");
        String link = fixture.passwordChangedReportLink(email);
        // The email that says the password changed holds no reset code: the mailbox shows none.
        assertThat(fixture.messagesTo(email).get(0).code()).isEmpty();
        return TokenViewModel.extractReportToken(link).orElseThrow();
    }

    @Test
    void showsWhatHappenedThenOneClickReportsItWithACaseNumber() throws Exception {
        String token = reportToken();
        RecordingNavigation navigation = new RecordingNavigation();
        // Reading changes nothing: the link still opens afterwards.
        opened(token, navigation);
        ReportViewModel model = opened(token, navigation);
        assertThat(model.errorProperty().get()).isEmpty();
        assertThat(model.eventProperty().get()).isEqualTo("The password of your account was changed.");
        assertThat(model.accountProperty().get()).contains("***@example.com");
        assertThat(model.whenProperty().get()).isNotBlank();
        assertThat(model.fromProperty().get()).isNotBlank();
        assertThat(model.validUntilProperty().get()).startsWith("You can report this until");
        assertThat(model.awaitingConfirmationProperty().get()).isTrue();
        assertThat(model.doneProperty().get()).isFalse();

        model.confirm();
        assertThat(model.doneProperty().get()).isTrue();
        assertThat(model.canConfirmProperty().get()).isFalse();
        String reference = model.outcomeProperty().get().reference();
        assertThat(model.referenceProperty().get()).isEqualTo("Your case reference is " + reference
                + ". Quote it when you contact the help desk.");
        assertThat(model.messageProperty().get()).isNotBlank();
        assertThat(model.supportContactProperty().get()).isNotBlank();
        assertThat(model.headingProperty().get()).isEqualTo("Thank you for telling us");
        model.backToSignIn();
        assertThat(navigation.last()).isEqualTo(Screen.SIGN_IN);
    }

    @Test
    void usedLinkIsRefusedInPlainWords() throws Exception {
        String token = reportToken();
        fixture.client.report(token);
        ReportViewModel model = opened(token, new RecordingNavigation());
        assertThat(model.awaitingConfirmationProperty().get()).isFalse();
        assertThat(model.errorProperty().get()).contains("cannot be used any more").contains("help desk");
    }

    @Test
    void linkUsedMeanwhileIsRefusedOnConfirm() throws Exception {
        String token = reportToken();
        ReportViewModel model = opened(token, new RecordingNavigation());
        fixture.client.report(token);
        model.confirm();
        assertThat(model.doneProperty().get()).isFalse();
        assertThat(model.awaitingConfirmationProperty().get()).isFalse();
        assertThat(model.errorProperty().get()).contains("cannot be used any more");
    }

    @Test
    void withoutALinkSaysWhereToPasteIt() {
        ReportViewModel model = opened(null, new RecordingNavigation());
        assertThat(model.errorProperty().get()).contains("Paste the link");
        assertThat(model.canConfirmProperty().get()).isFalse();
    }
}
