package dev.latchkey.desktop.ui;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import org.junit.jupiter.api.Test;

import dev.latchkey.desktop.navigation.Screen;
import dev.latchkey.desktop.support.DesktopFixture;
import dev.latchkey.server.mfa.Totp;
import dev.latchkey.testkit.LatchkeyWindow;
import dev.latchkey.testkit.SharedAppUiTest;
import dev.latchkey.testkit.page.AccountPage;
import dev.latchkey.testkit.page.NewPasswordPage;
import dev.latchkey.testkit.page.SecondFactorPage;
import dev.latchkey.testkit.page.SignInPage;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A person enrols an authenticator app from the account screen, by its QR code, and from then on a
 * reset link alone no longer sets the password: the real screens against the real embedded server.
 */
class SecondFactorUiTest extends SharedAppUiTest {
    private final Totp totp = new Totp();

    @Test
    void enrolByTheQrCodeThenSignInAndResetAskForTheCode() throws Exception {
        String email = fixture.addUser("ui.factor@example.com");
        SignInPage signIn = window.goTo(Screen.SIGN_IN).signIn();
        AccountPage account = signIn.email(email).password(DesktopFixture.PASSWORD).submit();
        assertThat(account.secondFactorStatus()).startsWith("Off");

        SecondFactorPage factor = account.manageSecondFactor();
        assertThat(factor.status()).startsWith("Off");
        factor.currentPassword(DesktopFixture.PASSWORD).setUp();
        // The authenticator app's camera: the QR code's URI, and from it the key.
        String uri = read(factor.qrCode());
        assertThat(uri).startsWith("otpauth://totp/Latchkey:ui.factor%40example.com?");
        String secret = URI.create(uri).getQuery().replaceAll(".*secret=([A-Z2-7]+).*", "$1");
        assertThat(factor.secretKey().replace(" ", "")).isEqualTo(secret);
        byte[] key = Totp.fromBase32(secret);

        List<String> recoveryCodes = factor.firstCode(codeNow(key)).confirm().recoveryCodes();
        assertThat(recoveryCodes).hasSize(10);
        assertThat(factor.done().status()).startsWith("On").contains("10 of 10");
        nextStep();

        // Sign-in: the password, then the code.
        signIn = factor.backToAccount().signOut();
        signIn.email(email).password(DesktopFixture.PASSWORD).submitForSecondFactor();
        assertThat(signIn.notice()).contains("second factor");
        account = signIn.secondFactor(codeNow(key)).submit();
        LatchkeyWindow.await(() -> window.screen() == Screen.ACCOUNT && window.signedIn());
        nextStep();

        // A reset with only the link is not enough: a wrong code is refused, the right one works.
        account.signOut();
        NewPasswordPage newPassword = resetScreen(email);
        assertThat(newPassword.asksSecondFactor()).isTrue();
        newPassword.passwords(DesktopFixture.NEW_PASSWORD);
        assertThat(newPassword.canSetPassword()).as("no code yet").isFalse();
        String wrong = codeNow(key).equals("000000") ? "111111" : "000000";
        assertThat(newPassword.secondFactor(wrong).setPasswordRefusedWith()).contains("not right");
        newPassword.secondFactor(codeNow(key)).setPassword().backToSignIn();
        nextStep();

        // And again with a recovery code in place of the app's.
        newPassword = resetScreen(email);
        newPassword.passwords(DesktopFixture.PASSWORD).useRecoveryCode().secondFactor(recoveryCodes.get(0))
                .setPassword();
        SignInPage again = window.done().backToSignIn();
        again.password(DesktopFixture.PASSWORD).submitForSecondFactor();
        again.useRecoveryCode().secondFactor(recoveryCodes.get(0)).pressEnter();
        assertThat(again.awaitError()).as("a recovery code works once").contains("not right");
    }

    private NewPasswordPage resetScreen(String email) throws Exception {
        String code = fixture.requestCode(email);
        return window.goTo(Screen.SIGN_IN).signIn().forgotPassword().haveCodeAlready().code(code).verify().proceed();
    }

    private String codeNow(byte[] key) {
        return totp.codeAt(key, Totp.stepOf(fixture.clock.instant()));
    }

    /** Each code works once: the next one comes from the next 30 seconds. */
    private static void nextStep() {
        fixture.clock.advance(Duration.ofSeconds(30));
    }

    private static String read(Image image) throws Exception {
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        int[] pixels = new int[width * height];
        image.getPixelReader().getPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), pixels, 0, width);
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                new RGBLuminanceSource(width, height, pixels)))).getText();
    }
}
