package dev.latchkey.desktop.secondfactor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.latchkey.desktop.AppContext;
import dev.latchkey.desktop.navigation.Screen;
import dev.latchkey.desktop.signin.SignInViewModel;
import dev.latchkey.desktop.support.DesktopFixture;
import dev.latchkey.desktop.support.DirectRunner;
import dev.latchkey.desktop.support.RecordingNavigation;
import dev.latchkey.server.mfa.Totp;

import static org.assertj.core.api.Assertions.assertThat;

/** The second-factor screen's steps and the sign-in's code step, against the real embedded server. */
class SecondFactorViewModelTest {
    @TempDir
    static Path dir;
    static DesktopFixture fixture;
    private final Totp totp = new Totp();

    @BeforeAll
    static void start() {
        fixture = new DesktopFixture(dir.resolve("server"));
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    @Test
    void enrolThenSaveCodesOwnerOnlyThenSignInAsksForTheCode() throws Exception {
        String email = fixture.addUser("vm.factor@example.com");
        AppContext context = fixture.context(new DirectRunner());
        context.session().set(fixture.client.signIn(email, DesktopFixture.PASSWORD));
        RecordingNavigation navigation = new RecordingNavigation();
        SecondFactorViewModel model = new SecondFactorViewModel(context, navigation);
        model.load();
        assertThat(model.enabledProperty().get()).isFalse();
        assertThat(model.canChangeProperty().get()).as("no password yet").isFalse();

        model.passwordProperty().set(DesktopFixture.PASSWORD);
        model.begin();
        assertThat(model.stepProperty().get()).isEqualTo(SecondFactorViewModel.Step.SCAN);
        assertThat(model.passwordProperty().get()).as("the password is not kept").isEmpty();
        assertThat(model.secretProperty().get()).matches("([A-Z2-7]{4} ){7}[A-Z2-7]{4}");
        byte[] key = Totp.fromBase32(model.secretProperty().get().replace(" ", ""));
        assertThat(model.uriProperty().get()).contains("secret=" + Totp.base32(key));

        model.firstCodeProperty().set("12");
        assertThat(model.canConfirmProperty().get()).isFalse();
        model.firstCodeProperty().set(totp.codeAt(key, Totp.stepOf(fixture.clock.instant())));
        model.confirm();
        assertThat(model.stepProperty().get()).isEqualTo(SecondFactorViewModel.Step.CODES);
        assertThat(model.uriProperty().get()).as("the key is forgotten once confirmed").isEmpty();
        List<String> codes = model.recoveryCodesProperty().get();
        assertThat(codes).hasSize(10);

        Path file = dir.resolve("codes.txt");
        assertThat(model.saveRecoveryCodes(file)).isTrue();
        assertThat(Files.readString(file)).contains(codes.get(0)).contains(codes.get(9));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(model.saveRecoveryCodes(dir.resolve("no-such-folder").resolve("codes.txt"))).isFalse();
        assertThat(model.errorProperty().get()).contains("Could not write");

        model.finish();
        assertThat(model.recoveryCodesProperty().get()).isEmpty();
        assertThat(model.enabledProperty().get()).isTrue();
        assertThat(model.statusProperty().get()).contains("10 of 10");

        fixture.clock.advance(Totp.STEP);
        SignInViewModel signIn = new SignInViewModel(fixture.context(new DirectRunner()), navigation);
        signIn.emailProperty().set(email);
        signIn.passwordProperty().set(DesktopFixture.PASSWORD);
        signIn.signIn();
        assertThat(signIn.secondFactorAskedProperty().get()).isTrue();
        assertThat(signIn.errorProperty().get()).as("a right password is no error").isEmpty();
        assertThat(signIn.canSubmitProperty().get()).as("no code yet").isFalse();
        signIn.secondFactor().codeProperty().set("000000".equals(totp.codeAt(key, Totp.stepOf(fixture.clock.instant())))
                ? "111111" : "000000");
        signIn.signIn();
        assertThat(signIn.errorProperty().get()).contains("not right");
        assertThat(signIn.secondFactor().value()).as("the wrong code is cleared").isEmpty();
        signIn.secondFactor().toggle();
        signIn.secondFactor().codeProperty().set(codes.get(4));
        signIn.signIn();
        assertThat(navigation.last()).isEqualTo(Screen.ACCOUNT);
    }

    @Test
    void turnOffWhenWrongCodeThenRefusedAndWhenRightThenOff() throws Exception {
        String email = fixture.addUser("vm.off@example.com");
        AppContext context = fixture.context(new DirectRunner());
        context.session().set(fixture.client.signIn(email, DesktopFixture.PASSWORD));
        SecondFactorViewModel model = new SecondFactorViewModel(context, new RecordingNavigation());
        model.load();
        model.passwordProperty().set(DesktopFixture.PASSWORD);
        model.begin();
        byte[] key = Totp.fromBase32(model.secretProperty().get().replace(" ", ""));
        model.firstCodeProperty().set(totp.codeAt(key, Totp.stepOf(fixture.clock.instant())));
        model.confirm();
        model.finish();
        fixture.clock.advance(Totp.STEP);

        model.passwordProperty().set(DesktopFixture.PASSWORD);
        String right = totp.codeAt(key, Totp.stepOf(fixture.clock.instant()));
        model.proof().codeProperty().set(right.equals("000000") ? "111111" : "000000");
        model.remove();
        assertThat(model.errorProperty().get()).contains("not right");
        assertThat(model.enabledProperty().get()).isTrue();

        model.passwordProperty().set(DesktopFixture.PASSWORD);
        model.proof().codeProperty().set(right);
        model.remove();
        assertThat(model.enabledProperty().get()).isFalse();
        assertThat(model.successProperty().get()).contains("off");
    }
}
