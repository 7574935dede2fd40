package dev.latchkey.desktop.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.latchkey.desktop.AppContext;
import dev.latchkey.desktop.account.AccountViewModel;
import dev.latchkey.desktop.client.AuthClient;
import dev.latchkey.desktop.language.LanguagePreference;
import dev.latchkey.desktop.navigation.Screen;
import dev.latchkey.desktop.support.DesktopFixture;
import dev.latchkey.desktop.support.DirectRunner;
import dev.latchkey.desktop.support.RecordingNavigation;

class SignInViewModelTest {
    @TempDir
    static Path dir;
    static DesktopFixture fixture;

    @BeforeAll
    static void start() {
        fixture = new DesktopFixture(dir);
        fixture.addUser("sam@example.com");
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    @Test
    void signInWhenWrongPasswordThenPlainWordsAndNoSession() {
        AppContext context = fixture.context(new DirectRunner());
        SignInViewModel model = new SignInViewModel(context, new RecordingNavigation());
        model.emailProperty().set("sam@example.com");
        model.passwordProperty().set("not the right one at all");
        assertThat(model.canSubmitProperty().get()).isTrue();
        model.signIn();
        assertThat(model.errorProperty().get()).isEqualTo("The email address or password is not right.");
        assertThat(context.session().get()).isNull();
    }

    @Test
    void signInThenAccountThenSignOutRevokesSession() throws Exception {
        AppContext context = fixture.context(new DirectRunner());
        RecordingNavigation navigation = new RecordingNavigation();
        SignInViewModel model = new SignInViewModel(context, navigation);
        model.emailProperty().set(" Sam@Example.com ");
        model.passwordProperty().set(DesktopFixture.PASSWORD);
        model.signIn();
        assertThat(navigation.last()).isEqualTo(Screen.ACCOUNT);
        String token = context.session().get().token();

        AccountViewModel account = new AccountViewModel(context, navigation);
        account.load();
        assertThat(account.emailProperty().get()).isEqualTo("sam@example.com");
        assertThat(account.detailsProperty().get()).contains("Role: user");
        account.signOut();
        assertThat(navigation.last()).isEqualTo(Screen.SIGN_IN);
        assertThat(context.session().get()).isNull();
        assertThat(context.notice().get()).isEqualTo("You have signed out.");
        try {
            fixture.client.me(token);
            throw new AssertionError("session still valid");
        } catch (dev.latchkey.desktop.client.ApiError e) {
            assertThat(e.kind()).isEqualTo(dev.latchkey.desktop.client.ApiError.Kind.UNAUTHORIZED);
        }
    }

    @Test
    void signInWhenThrottledThenSaysWhenToTryAgain() {
        fixture.addUser("riley@example.com");
        SignInViewModel model = new SignInViewModel(fixture.context(new DirectRunner()), new RecordingNavigation());
        model.emailProperty().set("riley@example.com");
        for (int i = 0; i < 6; i++) {
            model.passwordProperty().set("wrong guess number " + i);
            model.signIn();
        }
        assertThat(model.errorProperty().get()).matches("Too many attempts\\. Try again in (1 minute|\\d+ seconds)\\.");
    }

    @Test
    void signInWhenServerUnreachableThenPlainWords(@TempDir Path dataDir) {
        AppContext context = new AppContext(new AuthClient(URI.create("http://127.0.0.1:9")),
                new DirectRunner(), Optional.empty(), dev.latchkey.desktop.Messages.load(Locale.ENGLISH),
                dev.latchkey.password.PasswordPolicy.defaults(), new LanguagePreference(dataDir));
        SignInViewModel model = new SignInViewModel(context, new RecordingNavigation());
        model.emailProperty().set("sam@example.com");
        model.passwordProperty().set("anything at all here");
        model.signIn();
        assertThat(model.errorProperty().get()).contains("Can't reach the Latchkey server");
        assertThat(model.busyProperty().get()).isFalse();
    }

    @Test
    void signInWhenPlainHttpToAnotherMachineThenWarnedAndNotForLoopbackOrHttps(@TempDir Path dataDir) {
        assertThat(modelFor("http://auth.example.org:8080", dataDir).plainHttpWarningProperty().get())
                .contains("auth.example.org").contains("unencrypted");
        assertThat(modelFor("http://192.0.2.7", dataDir).plainHttpWarningProperty().get()).contains("192.0.2.7");
        for (String safe : new String[] {"http://127.0.0.1:8080", "http://localhost:8080", "http://[::1]:8080",
                "https://auth.example.org"}) {
            assertThat(modelFor(safe, dataDir).plainHttpWarningProperty().get()).as(safe).isEmpty();
        }
        assertThat(new SignInViewModel(fixture.context(new DirectRunner()), new RecordingNavigation())
                .plainHttpWarningProperty().get()).as("the embedded server").isEmpty();
    }

    private static SignInViewModel modelFor(String server, Path dataDir) {
        AppContext context = new AppContext(new AuthClient(URI.create(server)),
                new DirectRunner(), Optional.empty(), dev.latchkey.desktop.Messages.load(Locale.ENGLISH),
                dev.latchkey.password.PasswordPolicy.defaults(), new LanguagePreference(dataDir));
        return new SignInViewModel(context, new RecordingNavigation());
    }
}
