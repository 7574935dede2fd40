package dev.latchkey.desktop.language;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.FieldSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import dev.latchkey.api.Responses.VerifyResponse;
import dev.latchkey.desktop.client.AuthClient;
import dev.latchkey.desktop.mailbox.MailItem;
import dev.latchkey.desktop.support.DesktopFixture;
import dev.latchkey.i18n.Languages;
import dev.latchkey.server.i18n.Reader;
import dev.latchkey.server.i18n.Texts;
import dev.latchkey.server.support.Mail;
import dev.latchkey.server.web.PageInBrowser;

/**
 * Issue 12's "done when", per language: a person whose desktop speaks it asks for a reset (the app's
 * own {@link AuthClient}, on the real embedded server), gets the email in it, and the email's link,
 * clicked in a Chromium set to that language, opens the reset page in it, where the reset completes.
 */
@ParameterizedClass
@FieldSource("dev.latchkey.i18n.Languages#SUPPORTED")
class ResetInLanguageEndToEndTest extends PageInBrowser {
    private static final Pattern REPORT_LINK = Pattern.compile("http://\\S+/report#token=[A-Za-z0-9_-]{64}");

    static DesktopFixture fixture;

    @Parameter
    Locale language;

    @BeforeAll
    static void startServer() {
        fixture = new DesktopFixture(dir.resolve("desktop"));
    }

    @AfterAll
    static void stopServer() {
        fixture.close();
    }

    @Override
    protected String language() {
        return language.toLanguageTag();
    }

    @Test
    void resetAskedFromDesktopInLanguageThenEmailAndPageInIt() throws Exception {
        String tag = language.toLanguageTag();
        String name = "reader-" + tag;
        String email = fixture.addUser(name + "@example.com");
        AuthClient desktop = new AuthClient(fixture.server.baseUri());
        desktop.language(language);

        String accepted = desktop.requestReset(email);
        MailItem item = fixture.newMessage(email, 0, m -> m.code().isPresent());
        String token = item.code().orElseThrow();
        VerifyResponse verified = desktop.verify(token);
        Instant expiresAt = Instant.parse(verified.expiresAt());

        // The token's lifetime in whole minutes: the stored expiry drops the clock's fraction of a second.
        long minutes = Math.round(Duration.between(fixture.clock.instant(), expiresAt).toSeconds() / 60.0);
        assertThat(accepted).isEqualTo(text("api.reset.accepted", minutes));
        assertThat(item.subject()).isEqualTo(text("mail.reset.subject"));
        MimeMessage message = eml(item);
        String plain = Mail.text(message).replace("\r\n", "\n");
        String link = fixture.server.baseUri() + "/reset#token=" + token;
        Matcher report = REPORT_LINK.matcher(plain);
        assertThat(report.find()).as("a \"Not you?\" link").isTrue();
        // In the account's zone: this one never signed in, so UTC, said as such. The zone the desktop
        // sends with a reset request is not used: whoever asks could otherwise set it.
        String until = new Reader(language, Optional.empty()).when(expiresAt);
        assertThat(plain).isEqualTo(String.join("\n",
                text("mail.greeting", name), "",
                text("mail.reset.why"), "",
                text("mail.reset.openLink"),
                link, "",
                text("mail.orPasteCode"), "",
                token, "",
                text("mail.worksUntil", until), "",
                text("mail.reset.ignore"), "",
                text("mail.notYou") + " " + text("mail.notYou.reset"),
                report.group(), ""));

        // The HTML body as a mail reader shows it, then its link clicked.
        String html = Mail.html(message);
        browser.get("data:text/html;charset=utf-8;base64,"
                + Base64.getEncoder().encodeToString(html.getBytes(StandardCharsets.UTF_8)));
        assertDocument(tag);
        // textContent, not getText: WebDriver turns French's no-break spaces into plain ones.
        assertThat(script("return Array.from(document.querySelectorAll('p'), p => p.textContent)"))
                .asInstanceOf(InstanceOfAssertFactories.LIST).containsExactly(text("mail.greeting", name), text("mail.reset.why"), text("mail.reset.linkText"),
                        text("mail.orPasteCode"), token, text("mail.worksUntil", until), text("mail.reset.ignore"),
                        text("mail.notYou") + " " + text("mail.notYou.reset"));
        assertThat(script("return getComputedStyle(document.querySelector('code')).direction"))
                .as("the code reads left to right").isEqualTo("ltr");
        WebElement button = browser.findElement(By.linkText(text("mail.reset.linkText")));
        assertThat(button.getAttribute("href")).isEqualTo(link);
        button.click();

        shown("newPassword");
        String title = text("page.reset.title");
        assertThat(browser.findElement(By.id("title")).getText()).isEqualTo(title);
        assertThat(browser.getTitle()).isEqualTo(text("page.common.documentTitle", title));
        assertDocument(tag);
        for (String id : List.of("newPassword", "confirmPassword")) {
            browser.findElement(By.id(id)).sendKeys(DesktopFixture.NEW_PASSWORD);
        }
        browser.findElement(By.id("submit")).click();
        assertThat(shown("done").findElement(By.tagName("h2")).getText()).isEqualTo(text("page.reset.done"));

        assertThat(desktop.signIn(email, DesktopFixture.NEW_PASSWORD).token()).isNotBlank();
        // Completed from a page in this language: the account's next email is in it too.
        assertThat(fixture.newMessage(email, 1, m -> true).subject())
                .isEqualTo(text("mail.changed.subject"));
    }

    private String text(String key, Object... args) {
        return Texts.get(language, key, args);
    }

    private void assertDocument(String tag) {
        assertThat(script("return document.documentElement.lang")).isEqualTo(tag);
        assertThat(script("return getComputedStyle(document.body).direction"))
                .isEqualTo(Languages.rightToLeft(language) ? "rtl" : "ltr");
    }

    private Object script(String script) {
        return browser.executeScript(script);
    }

    private static MimeMessage eml(MailItem item) throws Exception {
        try (InputStream in = Files.newInputStream(fixture.server.outbox().resolve(item.fileName()))) {
            return new MimeMessage(Session.getInstance(new Properties()), in);
        }
    }
}
