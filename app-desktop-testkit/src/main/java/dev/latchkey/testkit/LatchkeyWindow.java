package dev.latchkey.testkit;

import java.net.URI;
import java.nio.file.Files;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.stream.Stream;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.Window;

import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import dev.latchkey.desktop.AppContext;
import dev.latchkey.desktop.LatchkeyApp;
import dev.latchkey.desktop.Messages;
import dev.latchkey.desktop.client.AuthClient;
import dev.latchkey.desktop.language.LanguagePreference;
import dev.latchkey.desktop.navigation.Navigator;
import dev.latchkey.desktop.navigation.Screen;
import dev.latchkey.desktop.support.DesktopFixture;
import dev.latchkey.desktop.task.FxBackgroundRunner;
import dev.latchkey.password.PasswordPolicy;
import dev.latchkey.testkit.page.AccountPage;
import dev.latchkey.testkit.page.CodePage;
import dev.latchkey.testkit.page.DonePage;
import dev.latchkey.testkit.page.ForgotPage;
import dev.latchkey.testkit.page.HelpdeskPage;
import dev.latchkey.testkit.page.NewPasswordPage;
import dev.latchkey.testkit.page.ReportPage;
import dev.latchkey.testkit.page.SecondFactorPage;
import dev.latchkey.testkit.page.SetupPage;
import dev.latchkey.testkit.page.SignInPage;
import dev.latchkey.testkit.selector.FxId;

/**
 * The real app (real screens, real view-models, a real server) shown in a TestFX stage, and the way in
 * to its page objects. Open it from a {@code @Start} method or {@code FxToolkit.setupStage}, that is on
 * the FX thread; drive it from the test thread.
 */
public final class LatchkeyWindow {
    /** Long enough for an Argon2id hash on a busy CI machine, short enough to fail a stuck test. */
    private static final long TIMEOUT_SECONDS = 20;

    private final Stage stage;
    private final AppContext context;
    private final Navigator navigator;
    private final FxRobot robot = new FxRobot();

    private LatchkeyWindow(Stage stage, AppContext context, Navigator navigator) {
        this.stage = stage;
        this.context = context;
        this.navigator = navigator;
    }

    /** The app on the embedded server of {@code latchkey}, on the screen the app itself would pick first. */
    public static LatchkeyWindow open(Stage stage, DesktopFixture latchkey) {
        return open(stage, latchkey, latchkey.server.accounts().any() ? Screen.SIGN_IN : Screen.SETUP);
    }

    public static LatchkeyWindow open(Stage stage, DesktopFixture latchkey, Screen first) {
        return open(stage, latchkey.context(new FxBackgroundRunner()), first);
    }

    /** The app as {@code --server URL} starts it: a server it did not start, so no local mailbox. */
    public static LatchkeyWindow openRemote(Stage stage, URI server) throws Exception {
        AuthClient client = new AuthClient(server);
        // A folder of its own for the language menu's choice, as --data-dir gives a remote app.
        LanguagePreference languages = new LanguagePreference(Files.createTempDirectory("latchkey-remote"));
        return open(stage, new AppContext(client, new FxBackgroundRunner(), Optional.empty(),
                Messages.load(Locale.ENGLISH), PasswordPolicy.of(client.passwordPolicy()), languages), Screen.SIGN_IN);
    }

    public static LatchkeyWindow open(Stage stage, AppContext context, Screen first) {
        stage.setScene(new Scene(new StackPane(), 980, 800));
        Navigator navigator = LatchkeyApp.show(stage.getScene(), context, first);
        stage.show();
        return new LatchkeyWindow(stage, context, navigator);
    }

    public SetupPage setup() {
        return new SetupPage(this);
    }

    public SignInPage signIn() {
        return new SignInPage(this);
    }

    public ForgotPage forgot() {
        return new ForgotPage(this);
    }

    public CodePage code() {
        return new CodePage(this);
    }

    public NewPasswordPage newPassword() {
        return new NewPasswordPage(this);
    }

    public DonePage done() {
        return new DonePage(this);
    }

    public ReportPage report() {
        return new ReportPage(this);
    }

    public AccountPage account() {
        return new AccountPage(this);
    }

    public SecondFactorPage secondFactor() {
        return new SecondFactorPage(this);
    }

    public HelpdeskPage helpdesk() {
        return new HelpdeskPage(this);
    }

    /** Jumps straight to a screen, as a deep link would; take its page from the matching method. */
    public LatchkeyWindow goTo(Screen screen) {
        robot.interact(() -> navigator.show(screen));
        return this;
    }

    public Screen screen() {
        return navigator.currentProperty().get();
    }

    public void awaitScreen(Screen screen) {
        await(() -> screen() == screen, () -> "screen " + screen + ", still on " + screen());
    }

    /** Whether someone is signed in, from the app's own state. */
    public boolean signedIn() {
        return context.session().get() != null;
    }

    /** The app's shared state and navigator: for tests of the app itself, not a stable API. */
    public AppContext context() {
        return context;
    }

    public Navigator navigator() {
        return navigator;
    }

    public Stage stage() {
        return stage;
    }

    public FxRobot robot() {
        return robot;
    }

    /** The published control, looked up where its area lives: the header, a dialog, or the current screen. */
    @SuppressWarnings("unchecked")
    public <T extends Node> Optional<T> find(FxId id) {
        Stream<Node> roots = switch (id.area()) {
            case HEADER, STARTUP -> Stream.of(stage.getScene().getRoot());
            case HELPDESK_DIALOGS -> Window.getWindows().stream().filter(w -> w != stage && w.getScene() != null)
                    .map(w -> w.getScene().getRoot());
            default -> Stream.of(navigator.host());
        };
        return roots.map(root -> root.lookup(id.query())).filter(Objects::nonNull).map(node -> (T) node).findFirst();
    }

    public <T extends Node> T node(FxId id) {
        return this.<T>find(id).orElseThrow(() -> new AssertionError("No " + id.query() + " (" + id + ") on "
                + screen()));
    }

    /**
     * Waits, without sleeping a fixed time, until the condition holds and the FX events it caused ran.
     * On time-out it prints every thread's stack: a wait that times out is otherwise a riddle.
     */
    public static void await(BooleanSupplier condition, Supplier<String> what) {
        try {
            WaitForAsyncUtils.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS, condition::getAsBoolean);
        } catch (TimeoutException e) {
            Thread.getAllStackTraces().forEach((thread, stack) -> {
                System.err.println("Thread " + thread.getName() + " " + thread.getState());
                for (StackTraceElement frame : stack) {
                    System.err.println("    at " + frame);
                }
            });
            throw new AssertionError("Not reached in " + TIMEOUT_SECONDS + " s: " + what.get(), e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    public static void await(BooleanSupplier condition) {
        await(condition, () -> "condition");
    }
}
