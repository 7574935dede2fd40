package dev.latchkey.desktop.tour;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import javax.imageio.ImageIO;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

import dev.latchkey.desktop.AppContext;
import dev.latchkey.desktop.LatchkeyApp;
import dev.latchkey.desktop.language.LanguageNames;
import dev.latchkey.i18n.Languages;
import dev.latchkey.desktop.navigation.Navigator;
import dev.latchkey.desktop.navigation.Screen;
import dev.latchkey.desktop.support.DesktopFixture;
import dev.latchkey.desktop.task.FxBackgroundRunner;
import dev.latchkey.server.mfa.Totp;

/**
 * Walks the real app (real embedded server, real window) through its screens and saves a PNG of each
 * into the folder given as the first argument: the whole tour in English, then the main screens in
 * every language the app offers, each into a folder named by its tag ({@code ar/}). Languages given
 * after the folder ({@code docs/screenshots ar de}) take only those main screens. Run it under a
 * display: {@code bin/screenshots}.
 */
public final class ScreenshotTour {
    private static Stage stage;
    private static Scene scene;
    private static Navigator navigator;

    private ScreenshotTour() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "docs/screenshots");
        List<Locale> languages = Arrays.stream(args).skip(1).map(LanguageNames::parse).toList();
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get(30, TimeUnit.SECONDS);
        try {
            if (languages.isEmpty()) {
                tour(out);
            }
            for (Locale language : languages.isEmpty() ? Languages.SUPPORTED : languages) {
                mainScreens(out.resolve(language.toLanguageTag()), language);
            }
        } finally {
            Platform.exit();
        }
        System.out.println("Screenshots written to " + out.toAbsolutePath());
    }

    /** Sign in, forgot (sent), mailbox, code (verified), new password and done, in one language. */
    private static void mainScreens(Path out, Locale language) throws Exception {
        Files.createDirectories(out);
        try (DesktopFixture fixture = new DesktopFixture(Files.createTempDirectory("latchkey-tour"))) {
            fixture.addUser("ada@example.com");
            open(fixture.context(new FxBackgroundRunner(), language), Screen.SIGN_IN);
            fill("#email", "ada@example.com");
            shoot(out, "1-sign-in.png");

            resetJourney(out, "2-forgot.png", "3-mailbox.png", "4-code.png", "5-new-password.png", "6-done.png");
        }
    }

    /**
     * From the sign-in screen, ada@example.com's reset: forgot (sent), mailbox, code (verified), new
     * password (half typed) and done, a picture of each named by {@code names} in that order.
     */
    private static void resetJourney(Path out, String... names) throws Exception {
        click("#forgotPassword");
        waitFor(() -> navigator.currentProperty().get() == Screen.FORGOT);
        fill("#email", "ada@example.com");
        click("#sendCode");
        waitFor(() -> !text("#confirmation").isEmpty());
        shoot(out, names[0]);

        click("#openMailbox");
        waitFor(() -> !text("#code").isEmpty());
        String code = text("#code");
        shoot(out, names[1]);

        click("#back");
        click("#haveCode");
        waitFor(() -> navigator.currentProperty().get() == Screen.TOKEN);
        fill("#code", code);
        click("#verify");
        waitFor(() -> visible("#verified"));
        shoot(out, names[2]);

        click("#proceed");
        waitFor(() -> navigator.currentProperty().get() == Screen.NEW_PASSWORD);
        fill("#newPassword", "marble canyon whist");
        fill("#confirmPassword", "marble canyon");
        shoot(out, names[3]);

        fill("#newPassword", DesktopFixture.NEW_PASSWORD);
        fill("#confirmPassword", DesktopFixture.NEW_PASSWORD);
        click("#setPassword");
        waitFor(() -> navigator.currentProperty().get() == Screen.DONE);
        shoot(out, names[4]);
    }

    /** The app in a window of its own (the last one closed), as a person at a 980 x 800 window sees it. */
    private static void open(AppContext context, Screen first) throws Exception {
        fx(() -> {
            if (stage != null) {
                stage.close();
            }
            stage = new Stage();
            stage.setTitle("Latchkey");
            scene = new Scene(new StackPane(), 980, 800);
            stage.setScene(scene);
            navigator = LatchkeyApp.show(scene, context, first);
            stage.show();
            return null;
        });
        settle();
    }

    /** Every screen in English, first run to help desk: the README's pictures. */
    private static void tour(Path out) throws Exception {
        Files.createDirectories(out);
        try (DesktopFixture fixture = new DesktopFixture(Files.createTempDirectory("latchkey-tour"))) {
            open(fixture.context(new FxBackgroundRunner()), Screen.SETUP);
            fill("#email", "ada@example.com");
            fill("#name", "Ada Lovelace");
            fill("#newPassword", "velvet tractor orb");
            shoot(out, "1-first-run.png");

            fill("#newPassword", DesktopFixture.PASSWORD);
            fill("#confirmPassword", DesktopFixture.PASSWORD);
            click("#create");
            waitFor(() -> navigator.currentProperty().get() == Screen.SIGN_IN);
            shoot(out, "2-sign-in.png");

            resetJourney(out, "3-reset-requested.png", "4-local-mailbox.png", "5-code-verified.png",
                    "6-new-password.png", "7-done.png");

            // Grace did not change her password: she pastes the email's "Not you?" link into the code screen.
            fixture.addUser("grace@example.com");
            String report = fixture.passwordChangedReportLink("grace@example.com");
            click("#backToSignIn");
            waitFor(() -> navigator.currentProperty().get() == Screen.SIGN_IN);
            click("#forgotPassword");
            waitFor(() -> navigator.currentProperty().get() == Screen.FORGOT);
            click("#haveCode");
            waitFor(() -> navigator.currentProperty().get() == Screen.TOKEN);
            fill("#code", report);
            click("#openReport");
            waitFor(() -> navigator.currentProperty().get() == Screen.REPORT && visible("#confirmReport"));
            shoot(out, "10-report.png");
            click("#confirmReport");
            waitFor(() -> visible("#outcome"));
            shoot(out, "11-report-done.png");

            click("#backToSignIn");
            waitFor(() -> navigator.currentProperty().get() == Screen.SIGN_IN);
            fill("#email", "ada@example.com");
            fill("#password", DesktopFixture.NEW_PASSWORD);
            click("#signIn");
            // Ada is the administrator, so she lands in the help desk; her account is one click away.
            waitFor(() -> navigator.currentProperty().get() == Screen.HELPDESK);
            fill("#userSearch", "grace");
            waitFor(() -> visible("#userDetail") || !call(() -> ((ListView<?>) scene.lookup("#users"))
                    .getItems().isEmpty()));
            fx(() -> {
                ((ListView<?>) scene.lookup("#users")).getSelectionModel().select(0);
                return null;
            });
            waitFor(() -> visible("#userDetail"));
            shoot(out, "9-help-desk.png");

            fx(() -> {
                TabPane tabs = (TabPane) scene.lookup("#tabs");
                tabs.getSelectionModel().select(tabs.getTabs().stream()
                        .filter(tab -> "casesTab".equals(tab.getId())).findFirst().orElseThrow());
                return null;
            });
            waitFor(() -> !call(() -> ((TableView<?>) scene.lookup("#casesTable")).getItems().isEmpty()));
            fx(() -> {
                ((TableView<?>) scene.lookup("#casesTable")).getSelectionModel().select(0);
                return null;
            });
            waitFor(() -> visible("#caseDetail"));
            shoot(out, "12-help-desk-cases.png");

            click("#openAccount");
            waitFor(() -> navigator.currentProperty().get() == Screen.ACCOUNT && !text("#details").isEmpty());
            shoot(out, "8-account.png");
            secondFactor(out, fixture);
        }
    }

    /** Ada sets up an authenticator app, signs in with its code, and a reset then asks for it too. */
    private static void secondFactor(Path out, DesktopFixture fixture) throws Exception {
        click("#manageSecondFactor");
        waitFor(() -> navigator.currentProperty().get() == Screen.SECOND_FACTOR && !text("#status").isEmpty());
        fill("#factorPassword", DesktopFixture.NEW_PASSWORD);
        click("#setUpSecondFactor");
        waitFor(() -> visible("#scan") && !text("#secretKey").isEmpty());
        byte[] key = Totp.fromBase32(text("#secretKey").replace(" ", ""));
        Totp totp = new Totp();
        fill("#firstCode", totp.codeAt(key, Totp.stepOf(fixture.clock.instant())));
        shoot(out, "13-second-factor.png");
        click("#confirmSecondFactor");
        waitFor(() -> visible("#codes"));
        click("#recoveryCodesDone");
        click("#backToAccount");
        waitFor(() -> navigator.currentProperty().get() == Screen.ACCOUNT);
        click("#signOut");
        waitFor(() -> navigator.currentProperty().get() == Screen.SIGN_IN);

        fill("#email", "ada@example.com");
        fill("#password", DesktopFixture.NEW_PASSWORD);
        click("#signIn");
        waitFor(() -> visible("#secondFactorBox"));
        fixture.clock.advance(Totp.STEP);
        fill("#secondFactor", totp.codeAt(key, Totp.stepOf(fixture.clock.instant())));
        shoot(out, "14-sign-in-code.png");

        String code = fixture.requestCode("ada@example.com");
        click("#forgotPassword");
        waitFor(() -> navigator.currentProperty().get() == Screen.FORGOT);
        click("#haveCode");
        waitFor(() -> navigator.currentProperty().get() == Screen.TOKEN);
        fill("#code", code);
        click("#verify");
        waitFor(() -> visible("#verified"));
        click("#proceed");
        waitFor(() -> navigator.currentProperty().get() == Screen.NEW_PASSWORD && visible("#secondFactorBox"));
        fill("#newPassword", DesktopFixture.PASSWORD);
        fill("#confirmPassword", DesktopFixture.PASSWORD);
        fill("#secondFactor", totp.codeAt(key, Totp.stepOf(fixture.clock.instant())));
        shoot(out, "15-reset-code.png");
    }

    private static void fill(String id, String value) throws Exception {
        fx(() -> {
            TextInputControl field = (TextInputControl) scene.lookup(id);
            field.requestFocus();
            field.setText(value);
            return null;
        });
    }

    private static void click(String id) throws Exception {
        fx(() -> {
            ((ButtonBase) scene.lookup(id)).fire();
            return null;
        });
        settle();
    }

    private static String text(String id) {
        return call(() -> {
            Node node = scene.lookup(id);
            return node instanceof Labeled labeled ? labeled.getText() : ((TextInputControl) node).getText();
        });
    }

    private static boolean visible(String id) {
        return call(() -> scene.lookup(id) != null && scene.lookup(id).isVisible());
    }

    private static void waitFor(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The app did not reach the expected state in time");
            }
            Thread.sleep(100);
        }
        settle();
    }

    /** Lets layout, CSS and a frame or two happen before a picture is taken. */
    private static void settle() throws InterruptedException {
        Thread.sleep(400);
    }

    private static void shoot(Path dir, String name) throws Exception {
        settle();
        WritableImage image = fx(() -> scene.snapshot(null));
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        BufferedImage png = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        PixelReader pixels = image.getPixelReader();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                png.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        try {
            ImageIO.write(png, "png", dir.resolve(name).toFile());
        } catch (IOException e) {
            throw new IOException("Cannot write " + name, e);
        }
        System.out.println("saved " + name);
    }

    private static <T> T call(Supplier<T> work) {
        try {
            return fx(work::get);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T fx(Callable<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.call());
            } catch (Exception e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(30, TimeUnit.SECONDS);
    }
}
