package dev.latchkey.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import dev.latchkey.api.Role;
import dev.latchkey.server.support.Mail;
import dev.latchkey.server.support.TestServer;

/**
 * The "Not you?" page in a real headless Chromium, opened from the link in a real "password changed"
 * email: one click to confirm, and every session is gone, the account held and a case waiting.
 */
class ReportPageBrowserTest extends PageInBrowser {
    static final Pattern LINK = Pattern.compile("(http://\\S+/report#token=[A-Za-z0-9_-]{64})");
    static final String PASSWORD = "velvet tractor orbits quietly";

    static TestServer server;

    @BeforeAll
    static void startServer() {
        server = TestServer.start(dir.resolve("server"), Map.of("auth.support-contact",
                "Call the help desk on +1 555 0100 or write to help@example.com"));
        server.addUser("pagedesk@example.com", PASSWORD, Role.HELPDESK);
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    /** The owner's password is changed (by whoever holds a session); returns the email's Not-you link. */
    private static String changedLink(String email, String session) {
        assertThat(server.post("/api/v1/me/password", "{\"currentPassword\":\"" + PASSWORD
                + "\",\"newPassword\":\"marble canyon whistles softly\"}", "127.0.0.1", session).status())
                .isEqualTo(200);
        List<MimeMessage> mail = server.messagesTo(email);
        Matcher m = LINK.matcher(Mail.text(mail.getLast()));
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    @Test
    void unexpectedPasswordChangeWhenConfirmedOnceThenSessionsGoneAccountHeldAndCaseWaiting() throws Exception {
        String email = server.newUser("victim", PASSWORD);
        String intruder = server.signIn(email, PASSWORD);
        String link = changedLink(email, intruder);

        browser.get(link);
        assertThat(shown("reported").getText()).contains("a change of your password").contains("127.0.0.1");
        assertThat(browser.findElement(By.id("effect")).getText()).contains("signed out").contains("hold");
        assertThat(browser.executeScript("return location.hash")).isEqualTo("");
        assertThat(server.get("/api/v1/me", intruder).status()).as("opening the page changes nothing").isEqualTo(200);
        screenshot("web-report-confirm.png");

        browser.findElement(By.id("confirmReport")).click();
        assertThat(shown("done").getText()).contains("on hold");
        assertThat(browser.findElement(By.id("support")).getText()).contains("+1 555 0100");
        String reference = browser.findElement(By.id("reference")).getText();
        screenshot("web-report-done.png");

        assertThat(server.get("/api/v1/me", intruder).status()).isEqualTo(401);
        assertThat(server.post("/api/v1/sessions", "{\"email\":\"" + email
                + "\",\"password\":\"marble canyon whistles softly\"}").status()).isEqualTo(401);
        var cases = server.get("/api/v1/helpdesk/cases?reference=" + reference,
                server.signIn("pagedesk@example.com", PASSWORD)).json().get("cases");
        assertThat(cases.findValuesAsText("userEmail")).containsExactly(email);
    }

    @Test
    void usedLinkWhenOpenedAgainThenSaysItNoLongerWorks() {
        String email = server.newUser("twice", PASSWORD);
        String link = changedLink(email, server.signIn(email, PASSWORD));
        String token = link.substring(link.indexOf("token=") + 6);
        assertThat(server.post("/api/v1/reports", "{\"token\":\"" + token + "\"}").status()).isEqualTo(200);
        browser.get(link);
        assertThat(shown("invalid").getText()).contains("no longer works");
        assertThat(browser.findElement(By.id("confirmReport")).isDisplayed()).isFalse();
    }

    @Test
    void pageWithoutTokenSaysWhereToFindTheLink() {
        browser.get(server.server().baseUri() + "/report");
        assertThat(shown("missing").getText()).contains("Not you?");
    }

}
