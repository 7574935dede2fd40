package dev.latchkey.server.web;

import java.net.http.HttpRequest;

import static org.assertj.core.api.Assertions.assertThat;


import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.latchkey.server.db.Rows;
import dev.latchkey.server.support.Mail;
import dev.latchkey.server.support.OneServerPerClass;
import dev.latchkey.server.support.TestServer;
import dev.latchkey.server.support.TestServer.Response;

/** The pages as a mail scanner or an auditor sees them: headers, markup, and no side effects. */
class ResetPageTest extends OneServerPerClass {

    @ParameterizedTest
    @ValueSource(strings = {"/reset", "/report"})
    void pageHasStrictHeaders(String path) {
        Response page = server.get(path, null);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).isEqualTo("text/html; charset=UTF-8");
        String csp = page.header("Content-Security-Policy");
        assertThat(csp).contains("default-src 'self'").contains("frame-ancestors 'none'").doesNotContain("unsafe");
        assertThat(page.header("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(page.header("Cache-Control")).isEqualTo("no-store");
        assertThat(page.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(server.get(path + path + ".js", null).header("Content-Type")).startsWith("text/javascript");
        assertThat(server.get("/reset/reset.css", null).header("Content-Type")).startsWith("text/css");
        assertThat(server.get("/reset/i18n.js", null).header("Content-Type")).startsWith("text/javascript");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/reset", "/report"})
    void pageHasNoInlineScriptOrStyle(String path) {
        String html = server.get(path, null).body();
        assertThat(html).doesNotContainPattern("<script(?![^>]*\\bsrc=)[^>]*>");
        assertThat(html).doesNotContain("<style").doesNotContainPattern("\\sstyle=").doesNotContainPattern("\\son[a-z]+=");
    }

    @Test
    void fetchingThePageNeverConsumesOrChangesAnything() {
        String email = server.newUser("scanned", "velvet tractor orbits quietly");
        String token = server.requestToken(email);
        int auditRows = auditRows();
        for (String path : new String[] {"/reset", "/reset?token=" + token, "/reset/?token=" + token,
                "/reset/reset.js", "/reset/reset.css", "/reset/i18n.js", "/reset/strings"}) {
            assertThat(server.get(path, null).status()).as(path).isEqualTo(200);
        }
        // A HEAD, as some scanners send, changes nothing either.
        server.send(server.request("/reset", "127.0.0.1", null).method("HEAD",
                HttpRequest.BodyPublishers.noBody()));
        assertThat(auditRows()).isEqualTo(auditRows);
        assertThat(server.post("/api/v1/password-resets/complete",
                "{\"token\":\"" + token + "\",\"newPassword\":\"marble canyon whistles softly\"}").status())
                .as("the token still works after the page was fetched").isEqualTo(200);
    }

    @Test
    void reportPageWhenFetchedOrItsLinkLookedAtThenNothingChanges() {
        String email = server.newUser("scanned-report", "velvet tractor orbits quietly");
        String session = server.signIn(email, "velvet tractor orbits quietly");
        server.requestToken(email);
        String token = TestServer.reportTokenIn(Mail.text(server.messagesTo(email).getLast()));
        int auditRows = auditRows();
        for (String path : new String[] {"/report", "/report?token=" + token, "/report/report.js",
                "/report/strings"}) {
            assertThat(server.get(path, null).status()).as(path).isEqualTo(200);
        }
        assertThat(server.post("/api/v1/reports/verify", "{\"token\":\"" + token + "\"}").status()).isEqualTo(200);
        assertThat(auditRows()).isEqualTo(auditRows);
        assertThat(server.get("/api/v1/me", session).status()).isEqualTo(200);
        assertThat(server.post("/api/v1/reports", "{\"token\":\"" + token + "\"}").status())
                .as("the report can still be confirmed once").isEqualTo(200);
    }

    private static int auditRows() {
        return server.db().execute().get("SELECT COUNT(*) AS n FROM audit_event")
                .map(row -> Rows.intOf(row, "n")).orElseThrow();
    }
}
