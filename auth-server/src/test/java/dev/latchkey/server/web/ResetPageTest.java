package dev.latchkey.server.web;

import java.net.http.HttpRequest;

import static org.assertj.core.api.Assertions.assertThat;


import org.junit.jupiter.api.Test;

import dev.latchkey.server.db.Rows;
import dev.latchkey.server.support.OneServerPerClass;
import dev.latchkey.server.support.TestServer.Response;

/** The page as a mail scanner or an auditor sees it: headers, markup, and no side effects. */
class ResetPageTest extends OneServerPerClass {

    @Test
    void pageHasStrictHeaders() {
        Response page = server.get("/reset", null);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).isEqualTo("text/html; charset=UTF-8");
        String csp = page.header("Content-Security-Policy");
        assertThat(csp).contains("default-src 'self'").contains("frame-ancestors 'none'").doesNotContain("unsafe");
        assertThat(page.header("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(page.header("Cache-Control")).isEqualTo("no-store");
        assertThat(page.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(server.get("/reset/reset.js", null).header("Content-Type")).startsWith("text/javascript");
        assertThat(server.get("/reset/reset.css", null).header("Content-Type")).startsWith("text/css");
    }

    @Test
    void pageHasNoInlineScriptOrStyle() {
        String html = server.get("/reset", null).body();
        assertThat(html).doesNotContainPattern("<script(?![^>]*\\bsrc=)[^>]*>");
        assertThat(html).doesNotContain("<style").doesNotContainPattern("\\sstyle=").doesNotContainPattern("\\son[a-z]+=");
    }

    @Test
    void fetchingThePageNeverConsumesOrChangesAnything() {
        String email = server.newUser("scanned", "velvet tractor orbits quietly");
        String token = server.requestToken(email);
        int auditRows = auditRows();
        for (String path : new String[] {"/reset", "/reset?token=" + token, "/reset/?token=" + token,
                "/reset/reset.js", "/reset/reset.css"}) {
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

    private static int auditRows() {
        return server.db().execute().get("SELECT COUNT(*) AS n FROM audit_event")
                .map(row -> Rows.intOf(row, "n")).orElseThrow();
    }
}
