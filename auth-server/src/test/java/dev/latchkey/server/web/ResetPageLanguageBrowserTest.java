package dev.latchkey.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import dev.latchkey.password.PasswordPolicy;
import dev.latchkey.password.PasswordRule;
import dev.latchkey.server.i18n.Texts;
import dev.latchkey.server.support.TestServer;

/**
 * The reset page in a headless Chromium set to each language, opened from a real reset email: it speaks
 * the browser's language (the bundle's words, English where a translation is missing), Arabic right to
 * left with the address still left to right, dates in that language, and it completes the reset. One
 * page load and one reset per language.
 */
@ParameterizedClass
@ValueSource(strings = {"en", "de", "fr", "es", "ar"})
class ResetPageLanguageBrowserTest extends PageInBrowser {
    static final String NEW_PASSWORD = "marble canyon whistles softly";

    static TestServer server;

    @Parameter
    String language;

    @BeforeAll
    static void startServer() {
        server = TestServer.start(dir.resolve("server"));
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Override
    protected String language() {
        return language;
    }

    @Test
    void linkFromEmailWhenBrowserInLanguageThenPageInItAndResetCompletes() throws Exception {
        Locale locale = Locale.forLanguageTag(language);
        String email = server.newUser("lang-" + language, "velvet tractor orbits quietly");
        String link = ResetPageBrowserTest.linkFromEmail(server, email);
        JsonNode verified = server.post("/api/v1/password-resets/verify",
                "{\"token\":\"" + link.substring(link.indexOf("token=") + 6) + "\"}").json();

        browser.get(link);
        shown("newPassword");

        String title = Texts.get(locale, "page.reset.title");
        assertThat(browser.findElement(By.id("title")).getText()).isEqualTo(title);
        assertThat(browser.getTitle()).isEqualTo(Texts.get(locale, "page.common.documentTitle", title));
        assertThat(script("return document.documentElement.lang")).isEqualTo(language);
        String direction = language.equals("ar") ? "rtl" : "ltr";
        assertThat(script("return document.documentElement.dir")).isEqualTo(direction);
        assertThat(script("return getComputedStyle(document.getElementById('form')).direction")).isEqualTo(direction);

        WebElement address = browser.findElement(By.cssSelector("#forAccount bdi"));
        assertThat(address.getText()).isEqualTo(verified.get("email").asText());
        assertThat(script("return getComputedStyle(arguments[0]).direction", address)).as("address reads left to right")
                .isEqualTo("ltr");
        String expiry = (String) script("return new Intl.DateTimeFormat(arguments[0], {dateStyle: 'medium',"
                + " timeStyle: 'short'}).format(new Date(arguments[1]))", language, verified.get("expiresAt").asText());
        assertThat(script("return document.getElementById('forAccount').textContent")).as("expiry in the page's language")
                .isEqualTo(Texts.get(locale, "page.reset.forAccount", verified.get("email").asText(), expiry));

        PasswordPolicy policy = PasswordPolicy.defaults();
        assertThat(browser.findElement(By.id("rule-min")).getText())
                .isEqualTo(PasswordRule.MIN_LENGTH.requirement(policy, locale));
        assertThat(browser.findElement(By.id("rule-strength")).getText()).isEqualTo(Texts.get(locale,
                "page.reset.rule.later", PasswordRule.STRENGTH.requirement(policy, locale)));
        screenshot("web-reset-form-" + language + ".png");

        for (String id : List.of("newPassword", "confirmPassword")) {
            browser.findElement(By.id(id)).sendKeys(NEW_PASSWORD);
        }
        browser.findElement(By.id("submit")).click();
        assertThat(shown("done").findElement(By.tagName("h2")).getText()).isEqualTo(Texts.get(locale, "page.reset.done"));
        assertThat(server.signIn(email, NEW_PASSWORD)).isNotBlank();
    }

    private Object script(String script, Object... args) {
        return browser.executeScript(script, args);
    }
}
