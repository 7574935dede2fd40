package dev.latchkey.desktop.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;

import javafx.geometry.Bounds;
import javafx.geometry.NodeOrientation;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Control;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.text.Text;

import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

import dev.latchkey.i18n.Languages;
import dev.latchkey.desktop.navigation.Screen;
import dev.latchkey.desktop.support.DesktopFixture;
import dev.latchkey.testkit.LatchkeyWindow;
import dev.latchkey.testkit.page.CodePage;
import dev.latchkey.testkit.page.ForgotPage;
import dev.latchkey.testkit.page.HelpdeskPage;
import dev.latchkey.testkit.page.MailboxPage;
import dev.latchkey.testkit.page.NewPasswordPage;
import dev.latchkey.testkit.page.ReportPage;
import dev.latchkey.testkit.page.SetupPage;
import dev.latchkey.testkit.page.SignInPage;
import dev.latchkey.testkit.selector.FxId;

/**
 * Every screen in every language the app offers, chosen in the header's menu (one app start each):
 * no label cut short, no control squeezed below its size or pushed out of the window, and in Arabic a
 * mirrored window whose addresses, codes and passwords still read left to right.
 */
@ExtendWith(ApplicationExtension.class)
class LanguagesUiTest {
    private static final String ADMIN = "ada@example.com";
    private static final String USER = "grace@example.com";

    @TempDir
    Path dir;
    LatchkeyWindow window;
    final List<String> problems = new ArrayList<>();

    static Stream<Locale> languages() {
        return Languages.SUPPORTED.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("languages")
    void everyScreenFits(Locale language) throws Exception {
        try (DesktopFixture fixture = new DesktopFixture(Files.createDirectories(dir.resolve("data")))) {
            FxToolkit.setupStage(stage -> window = LatchkeyWindow.open(stage, fixture));
            SetupPage setup = window.setup();
            if (!language.equals(Languages.ENGLISH)) {
                setup.language(FxId.valueOf("HEADER_LANGUAGE_" + language.getLanguage().toUpperCase(Locale.ROOT)));
                assertThat(Files.readString(dir.resolve("data/desktop.properties")))
                        .as("the choice is remembered").contains("language=" + language.toLanguageTag());
            }
            walk(fixture, setup);
        }
        assertThat(problems).as("labels cut short or controls clipped in " + language).isEmpty();
    }

    private void walk(DesktopFixture fixture, SetupPage setup) throws Exception {
        setup.email(ADMIN).name("Ada Lovelace").newPassword("velvet tractor");
        check("first run");
        SignInPage signIn = setup.passwords(DesktopFixture.PASSWORD).create();
        check("sign in, with the notice");
        assertLeftToRight(FxId.SIGN_IN_EMAIL, FxId.SIGN_IN_PASSWORD);

        ForgotPage forgot = signIn.forgotPassword();
        check("forgot password");
        assertLeftToRight(FxId.FORGOT_EMAIL);
        forgot.sendCode();
        check("forgot password, sent");

        MailboxPage<ForgotPage> mailbox = forgot.openMailbox();
        String code = mailbox.latestResetCodeFor(ADMIN);
        check("mailbox");
        assertLeftToRight(FxId.MAILBOX_CODE);

        CodePage codePage = mailbox.back().haveCode();
        check("reset code");
        assertLeftToRight(FxId.CODE_CODE);
        codePage.code(code).verify();
        check("reset code, verified");

        NewPasswordPage newPassword = codePage.proceed().newPassword("marble canyon").confirmPassword("marble");
        check("new password");
        assertLeftToRight(FxId.PASSWORD_NEW, FxId.PASSWORD_CONFIRM);
        newPassword.passwords(DesktopFixture.NEW_PASSWORD).setPassword();
        check("done");

        fixture.addUser(USER);
        String link = fixture.passwordChangedReportLink(USER);
        ReportPage report = window.goTo(Screen.TOKEN).code().code(link).awaitReportOffer().openReport().awaitReport();
        check("report");
        report.confirm();
        check("report, confirmed");

        HelpdeskPage desk = report.backToSignIn().email(ADMIN).password(DesktopFixture.NEW_PASSWORD).submitAsStaff();
        desk.selectOnlyUser(USER);
        check("help desk, a user");
        desk.casesTab();
        select(FxId.HELPDESK_CASES_TABLE);
        LatchkeyWindow.await(() -> desk.visible(FxId.HELPDESK_CASE_DETAIL));
        check("help desk, a case");
        window.robot().interact(() -> window.<TabPane>node(FxId.HELPDESK_TABS).getSelectionModel().selectLast());
        check("help desk, audit trail");

        desk.openAccount().awaitDetails();
        check("account");
    }

    private void select(FxId table) {
        TableView<?> rows = window.node(table);
        LatchkeyWindow.await(() -> !rows.getItems().isEmpty());
        window.robot().interact(() -> rows.getSelectionModel().select(0));
    }

    /** Collects what does not fit on the screen now showing, after layout and CSS have run. */
    private void check(String where) throws ExecutionException, InterruptedException {
        WaitForAsyncUtils.waitForFxEvents();
        Scene scene = window.stage().getScene();
        List<String> found = WaitForAsyncUtils.asyncFx(() -> {
            scene.getRoot().applyCss();
            scene.getRoot().layout();
            List<String> here = new ArrayList<>();
            inspect(scene.getRoot(), scene, Scrolling.NONE, here);
            if (window.context().messages().rightToLeft()) {
                if (scene.getRoot().getEffectiveNodeOrientation() != NodeOrientation.RIGHT_TO_LEFT) {
                    here.add("the window is not mirrored");
                }
            }
            return here;
        }).get();
        found.forEach(problem -> problems.add(where + ": " + problem));
    }

    /** What the panes around a control let it do: nothing, scroll down, or scroll both ways. */
    private enum Scrolling { NONE, DOWN, BOTH }

    private static void inspect(Node node, Scene scene, Scrolling scrolls, List<String> found) {
        if (!node.isVisible() || node instanceof IndexedCell<?>) {
            return; // hidden, or a list's or table's row: data, which may be longer than its cell
        }
        if (node instanceof Labeled labeled) {
            truncated(labeled).ifPresent(found::add);
        }
        if (node instanceof Control control) {
            clipped(control, scene, scrolls).ifPresent(found::add);
        }
        if (node instanceof Parent parent) {
            // Tables, lists and text areas scroll their content both ways and clip it themselves.
            Scrolling inside = scrolls == Scrolling.BOTH || node instanceof TableView<?> || node instanceof ListView<?>
                    || node instanceof TextArea ? Scrolling.BOTH
                    : node instanceof ScrollPane ? Scrolling.DOWN : scrolls;
            parent.getChildrenUnmodifiable().forEach(child -> inspect(child, scene, inside, found));
        }
    }

    /** The text shown (the skin's {@code .text} child) is not the whole text: cut, with an ellipsis. */
    private static Optional<String> truncated(Labeled labeled) {
        String full = labeled.getText();
        if (full == null || full.isEmpty()) {
            return Optional.empty();
        }
        String expected = labeled.isMnemonicParsing() ? full.replaceFirst("_(?=[^_])", "").replace("__", "_") : full;
        return labeled.getChildrenUnmodifiable().stream().filter(Text.class::isInstance).map(Text.class::cast)
                .filter(text -> text.getStyleClass().contains("text")).findFirst()
                .filter(text -> !text.getText().equals(expected))
                .map(text -> describe(labeled) + " shows \"" + text.getText() + "\" of \"" + expected + "\"");
    }

    private static Optional<String> clipped(Control control, Scene scene, Scrolling scrolls) {
        double width = control.getWidth();
        double height = control.getHeight();
        if (width + 0.5 < control.minWidth(-1) || height + 0.5 < control.minHeight(width)) {
            return Optional.of(describe(control) + " is " + Math.round(width) + "x" + Math.round(height)
                    + ", below its minimum " + Math.round(control.minWidth(-1)) + "x"
                    + Math.round(control.minHeight(width)));
        }
        if (control instanceof Labeled labeled && !labeled.isWrapText() && width + 0.5 < control.prefWidth(-1)) {
            return Optional.of(describe(control) + " is " + Math.round(width) + " wide, its text needs "
                    + Math.round(control.prefWidth(-1)));
        }
        if (scrolls == Scrolling.BOTH) {
            return Optional.empty();
        }
        Bounds at = control.localToScene(control.getLayoutBounds());
        boolean outside = at.getMinX() < -0.5 || at.getMaxX() > scene.getWidth() + 0.5
                // Below the fold is fine where the screen scrolls.
                || scrolls == Scrolling.NONE && (at.getMinY() < -0.5 || at.getMaxY() > scene.getHeight() + 0.5);
        return outside ? Optional.of(describe(control) + " reaches outside the window: " + at)
                : Optional.empty();
    }

    private static String describe(Node node) {
        String id = node.getId() != null ? "#" + node.getId() : "";
        for (Node at = node.getParent(); id.isEmpty() && at != null; at = at.getParent()) {
            id = at.getId() != null ? "in #" + at.getId() : "";
        }
        return node.getClass().getSimpleName() + " " + id;
    }

    /** In every language: addresses, codes and passwords are read left to right, also in a mirrored window. */
    private void assertLeftToRight(FxId... fields) {
        for (FxId field : fields) {
            assertThat(window.node(field).getEffectiveNodeOrientation()).as(field.toString())
                    .isEqualTo(NodeOrientation.LEFT_TO_RIGHT);
        }
    }
}
