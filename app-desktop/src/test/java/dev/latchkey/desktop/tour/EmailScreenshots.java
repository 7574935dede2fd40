package dev.latchkey.desktop.tour;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;

import dev.latchkey.api.Role;
import dev.latchkey.desktop.client.AuthClient;
import dev.latchkey.desktop.mailbox.MailItem;
import dev.latchkey.desktop.support.DesktopFixture;
import dev.latchkey.server.support.Mail;
import dev.latchkey.server.web.Browser;

/**
 * One PNG of each email the server writes (self-service reset, help-desk reset, invitation, password
 * changed) in English, and the reset in Arabic (right to left), into the folder given as the first
 * argument: each caused through the desktop's own client on the real embedded server, its HTML body
 * from the outbox drawn by headless Chromium as a mail reader would. {@code bin/screenshots} runs it.
 */
public final class EmailScreenshots {
    private static final int WIDTH = 760;

    private EmailScreenshots() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Files.createDirectories(Path.of(args.length > 0 ? args[0] : "docs/screenshots/emails"));
        Path work = Files.createTempDirectory("latchkey-emails");
        try (DesktopFixture fixture = new DesktopFixture(work.resolve("data"))) {
            ChromeDriver browser = Browser.start(work.resolve("profile"), "en");
            try {
                String ada = create(fixture, "ada@example.com", "Ada Lovelace", Role.USER);
                String layla = create(fixture, "layla@example.com", "ليلى حداد", Role.USER);
                create(fixture, "dana@example.com", "Dana Desk", Role.HELPDESK);
                AuthClient english = client(fixture, Locale.ENGLISH);
                AuthClient arabic = client(fixture, Locale.forLanguageTag("ar"));
                String desk = english.signIn("dana@example.com", DesktopFixture.PASSWORD).token();

                shoot(browser, fixture, out, "reset.png", ada, () -> english.requestReset(ada));
                shoot(browser, fixture, out, "helpdesk-reset.png", ada, () -> english.startReset(desk,
                        english.helpdeskUsers(desk, ada).get(0).id(), "Called the front desk, locked out"));
                shoot(browser, fixture, out, "invitation.png", "grace@example.com",
                        () -> english.invite(desk, "grace@example.com", "Grace Hopper", Role.USER));
                shoot(browser, fixture, out, "password-changed.png", ada, () -> english.changePassword(
                        english.signIn(ada, DesktopFixture.PASSWORD).token(), DesktopFixture.PASSWORD,
                        DesktopFixture.NEW_PASSWORD));
                shoot(browser, fixture, out, "reset-ar.png", layla, () -> arabic.requestReset(layla));
            } finally {
                browser.quit();
            }
        }
        System.out.println("Email screenshots written to " + out.toAbsolutePath());
    }

    private static String create(DesktopFixture fixture, String email, String name, Role role) throws Exception {
        return fixture.server.accounts().create(email, name, role, DesktopFixture.PASSWORD, "screenshots").email();
    }

    private static AuthClient client(DesktopFixture fixture, Locale language) {
        AuthClient client = new AuthClient(fixture.server.baseUri());
        client.language(language);
        return client;
    }

    /** Does what sends {@code to} an email, then saves its HTML body as Chromium draws it, all of its height. */
    private static void shoot(ChromeDriver browser, DesktopFixture fixture, Path out, String name, String to,
                              Action action) throws Exception {
        int before = fixture.messagesTo(to).size();
        action.run();
        MailItem item = fixture.newMessage(to, before, m -> true);
        String html;
        try (InputStream in = Files.newInputStream(fixture.server.outbox().resolve(item.fileName()))) {
            html = Mail.html(new MimeMessage(Session.getInstance(new Properties()), in));
        }
        browser.get("data:text/html;charset=utf-8;base64,"
                + Base64.getEncoder().encodeToString(html.getBytes(StandardCharsets.UTF_8)));
        // Measured at the final width (where the text wraps) in a viewport lower than the body, which the
        // height then fits.
        viewport(browser, 1);
        viewport(browser, (Long) browser.executeScript("return document.documentElement.scrollHeight"));
        Files.write(out.resolve(name), browser.getScreenshotAs(OutputType.BYTES));
        System.out.println(name + ": " + item.subject());
    }

    private static void viewport(ChromeDriver browser, long height) {
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", WIDTH, "height", height, "deviceScaleFactor", 1, "mobile", false));
    }

    private interface Action {
        void run() throws Exception;
    }
}
