package dev.latchkey.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

import dev.latchkey.server.mfa.Totp;
import dev.latchkey.server.support.Mail;
import dev.latchkey.server.support.TestServer;

/** The reset page in a real headless Chromium, opened from the link in a real reset email. */
class ResetPageBrowserTest extends PageInBrowser {
    static final Pattern LINK = Pattern.compile("(http://\\S+/reset#token=[A-Za-z0-9_-]{64})");

    static TestServer server;

    @BeforeAll
    static void startServer() {
        server = TestServer.start(dir.resolve("server"));
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    /** Asks for a reset and returns the link exactly as the email carries it. */
    static String linkFromEmail(TestServer server, String email) {
        server.requestToken(email);
        var messages = server.messagesTo(email);
        Matcher m = LINK.matcher(Mail.text(messages.get(messages.size() - 1)));
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    @Test
    void linkFromEmailSetsPasswordThatThenSignsIn() throws Exception {
        String email = server.newUser("browser", "velvet tractor orbits quietly");
        browser.get(linkFromEmail(server, email));
        shown("newPassword");
        assertThat(browser.findElement(By.id("forAccount")).getText()).contains("b***@example.com");
        assertThat(browser.executeScript("return location.hash")).isEqualTo("");
        assertThat(browser.getCurrentUrl()).doesNotContain("token");

        // A weak password is held back by the page; one the server refuses shows each rule.
        browser.findElement(By.id("newPassword")).sendKeys("short");
        browser.findElement(By.id("confirmPassword")).sendKeys("short");
        assertThat(browser.findElement(By.id("submit")).isEnabled()).isFalse();
        assertThat(browser.findElement(By.id("rule-min")).getAttribute("class")).isEqualTo("unmet");
        typeBoth("passwordpassword");
        browser.findElement(By.id("submit")).click();
        assertThat(shown("refusal").getText()).contains("commonly used");

        typeBoth("marble canyon whistles softly");
        assertThat(browser.findElement(By.id("refusal")).isDisplayed()).as("old refusal cleared").isFalse();
        assertThat(browser.findElement(By.id("rule-min")).getAttribute("class")).isEqualTo("met");
        screenshot("web-reset-form.png");
        browser.findElement(By.id("submit")).click();
        assertThat(shown("done").getText()).contains("Password changed");
        assertThat(server.signIn(email, "marble canyon whistles softly")).isNotBlank();
        screenshot("web-reset-done.png");
    }

    @Test
    void linkForAnAccountWithASecondFactorAsksForTheCodeOrARecoveryCode() throws Exception {
        String email = server.newUser("factor", "velvet tractor orbits quietly");
        TestServer.Enrolled factor = server.enrolSecondFactor(email, "velvet tractor orbits quietly", "127.0.0.1");
        server.clock.advance(Totp.STEP);
        browser.get(linkFromEmail(server, email));
        assertThat(shown("secondFactorBox").getText()).contains("second factor");
        assertThat(browser.findElements(By.cssSelector("label[for='secondFactor']"))).hasSize(1);
        typeBoth("marble canyon whistles softly");
        assertThat(browser.findElement(By.id("submit")).isEnabled()).as("no code yet").isFalse();

        String now = new Totp().codeAt(factor.key(), Totp.stepOf(server.clock.instant()));
        browser.findElement(By.id("secondFactor")).sendKeys(now.equals("000000") ? "111111" : "000000");
        browser.findElement(By.id("submit")).click();
        assertThat(shown("secondFactorError").getText()).contains("not right");

        browser.findElement(By.id("recoveryToggle")).click();
        assertThat(browser.findElement(By.id("secondFactorLabel")).getText()).isEqualTo("Recovery code");
        browser.findElement(By.id("secondFactor")).sendKeys(factor.recoveryCodes().get(0));
        screenshot("web-reset-second-factor.png");
        browser.findElement(By.id("submit")).click();
        assertThat(shown("done").getText()).contains("Password changed");
        server.clock.advance(Totp.STEP);
        assertThat(server.post("/api/v1/sessions", "{\"email\":\"" + email + "\",\"password\":\"marble canyon whistles"
                + " softly\",\"secondFactor\":\"" + new Totp().codeAt(factor.key(), Totp.stepOf(server.clock.instant()))
                + "\"}").status()).isEqualTo(201);
    }

    @Test
    void expiredLinkShowsHowToGetANewOne() {
        String link = linkFromEmail(server, server.newUser("expired", "velvet tractor orbits quietly"));
        server.clock.advance(Duration.ofMinutes(31));
        browser.get(link);
        assertThat(shown("invalid").getText()).contains("no longer works").contains("Forgot password?");
        assertThat(browser.findElement(By.id("form")).isDisplayed()).isFalse();
        assertThat(browser.executeScript("return location.hash")).isEqualTo("");
    }

    @Test
    void usedLinkShowsHowToGetANewOne() {
        String link = linkFromEmail(server, server.newUser("used", "velvet tractor orbits quietly"));
        String token = link.substring(link.indexOf("token=") + 6);
        assertThat(server.post("/api/v1/password-resets/complete",
                "{\"token\":\"" + token + "\",\"newPassword\":\"marble canyon whistles softly\"}").status())
                .isEqualTo(200);
        browser.get(link);
        assertThat(shown("invalid").getText()).contains("been used already");
    }

    @Test
    void pageWithoutTokenSaysWhereToFindTheLink() {
        browser.get(server.server().baseUri() + "/reset");
        assertThat(shown("missing").getText()).contains("reset email");
    }

    @Test
    void everyFieldHasALabelAndZoomKeepsItInView() {
        String email = server.newUser("labels", "velvet tractor orbits quietly");
        browser.get(linkFromEmail(server, email));
        shown("newPassword");
        for (String id : List.of("newPassword", "confirmPassword", "show")) {
            assertThat(browser.findElements(By.cssSelector("label[for='" + id + "']"))).as(id).hasSize(1);
        }
        ((JavascriptExecutor) browser).executeScript("document.body.style.zoom = '2'");
        long overflow = (Long) browser.executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertThat(overflow).as("no sideways scrolling at 200%").isLessThanOrEqualTo(0);
    }

    /** For the README (docs/screenshots): what a person sees. */

    private void typeBoth(String password) {
        for (String id : List.of("newPassword", "confirmPassword")) {
            WebElement field = browser.findElement(By.id(id));
            field.clear();
            field.sendKeys(password);
        }
    }
}
