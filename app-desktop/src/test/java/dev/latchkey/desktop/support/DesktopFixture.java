package dev.latchkey.desktop.support;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.testfx.util.WaitForAsyncUtils;

import dev.latchkey.api.Role;
import dev.latchkey.desktop.AppContext;
import dev.latchkey.desktop.Messages;
import dev.latchkey.desktop.client.AuthClient;
import dev.latchkey.desktop.embedded.LocalServer;
import dev.latchkey.desktop.language.LanguagePreference;
import dev.latchkey.desktop.mailbox.MailItem;
import dev.latchkey.desktop.mailbox.Outbox;
import dev.latchkey.desktop.task.BackgroundRunner;
import dev.latchkey.password.PasswordPolicy;
import dev.latchkey.server.mfa.Totp;
import dev.latchkey.server.support.MutableClock;

/**
 * The real embedded server on a temporary data folder, with a clock tests move, app contexts on it, and
 * its outbox (the file transport's {@code .eml} files) read as a mailbox. The view-model tests use it,
 * and the automation kit (app-desktop-testkit) ships it to teams in app-desktop's test-jar.
 */
public final class DesktopFixture implements AutoCloseable {
    public static final String PASSWORD = "velvet tractor orbits quietly";
    public static final String NEW_PASSWORD = "marble canyon whistles softly";
    private static final Pattern REPORT_LINK = Pattern.compile("https?://[^\\s<>\"]*/report#token=[A-Za-z0-9_-]{64}");

    public final MutableClock clock = MutableClock.startingNow();
    public final LocalServer server;
    public final AuthClient client;
    private final Path dataDir;

    /**
     * Staff sign in to the help desk without a second factor here (auth.mfa.required-roles is empty):
     * the tests of other things need not set one up. {@link #withEmbeddedDefaults} keeps the app's own.
     */
    public DesktopFixture(Path dataDir) {
        this(dataDir, Map.of("auth.mfa.required-roles", ""));
    }

    private DesktopFixture(Path dataDir, Map<String, String> settings) {
        this.dataDir = dataDir;
        server = LocalServer.start(dataDir, clock, settings);
        client = new AuthClient(server.baseUri());
    }

    /** The embedded server exactly as the app starts it: staff must set up a second factor. */
    public static DesktopFixture withEmbeddedDefaults(Path dataDir) {
        return new DesktopFixture(dataDir, Map.of());
    }

    /** The app's state on this server, in English whatever the machine's language (tests read its words). */
    public AppContext context(BackgroundRunner runner) {
        return context(runner, Locale.ENGLISH);
    }

    /** The same in another language; the language menu remembers its choice in the data folder, as the app's. */
    public AppContext context(BackgroundRunner runner, Locale language) {
        return new AppContext(client, runner, Optional.of(server), Messages.load(language), PasswordPolicy.defaults(),
                new LanguagePreference(dataDir));
    }

    public String addUser(String email) {
        return addUser(email, Role.USER);
    }

    public String addUser(String email, Role role) {
        try {
            return server.accounts().create(email, "", role, PASSWORD, "test").email();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /**
     * Sets up an authenticator app for the user through the API, as the account screen does, and moves
     * the clock on a step (the confirming code's step is used); returns the app's key.
     */
    public byte[] enrolSecondFactor(String email) {
        try {
            String session = client.signIn(email, PASSWORD).token();
            byte[] key = Totp.fromBase32(client.beginSecondFactor(session, PASSWORD, null).secret());
            client.confirmSecondFactor(session, new Totp().codeAt(key, Totp.stepOf(clock.instant())));
            clock.advance(Totp.STEP);
            return key;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** Asks for a reset through the API and reads the code from the newest message to the address. */
    public String requestCode(String email) throws Exception {
        int before = messagesTo(email).size();
        client.requestReset(email);
        return newMessage(email, before, m -> m.code().isPresent()).code().orElseThrow();
    }

    /**
     * Changes the user's password (from {@link #PASSWORD} to {@link #NEW_PASSWORD}) through the API and
     * reads the "Not you?" link from the email that tells them.
     */
    public String passwordChangedReportLink(String email) throws Exception {
        int before = messagesTo(email).size();
        client.changePassword(client.signIn(email, PASSWORD).token(), PASSWORD, NEW_PASSWORD);
        Matcher link = REPORT_LINK.matcher(newMessage(email, before, m -> REPORT_LINK.matcher(m.text()).find()).text());
        link.find();
        return link.group();
    }

    /** The newest message to the address once there are more than {@code before} and it is as expected. */
    public MailItem newMessage(String email, int before, Predicate<MailItem> expected) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> {
                List<MailItem> messages = messagesTo(email);
                return messages.size() > before && expected.test(messages.get(0));
            });
        } catch (TimeoutException e) {
            throw new AssertionError("No such email for " + email, e);
        }
        return messagesTo(email).get(0);
    }

    public List<MailItem> messagesTo(String email) throws Exception {
        return new Outbox(server.outbox()).read().stream().filter(m -> m.to().equals(email)).toList();
    }

    @Override
    public void close() {
        server.close();
    }
}
