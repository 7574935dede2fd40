package dev.latchkey.server.report;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.latchkey.api.Role;
import dev.latchkey.server.support.Mail;
import dev.latchkey.server.support.OneServerPerClass;
import dev.latchkey.server.support.TestServer;
import dev.latchkey.server.support.TestServer.Response;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The case queue as owners and staff meet it: a reference that counts nothing, one open report case
 * per account, paging and filters with counts from the server, and a hold released only from its report.
 */
class CaseQueueTest extends OneServerPerClass {
    static final String PASSWORD = ReportTest.PASSWORD;
    private static final AtomicInteger CLIENTS = new AtomicInteger();
    private final String ip = "198.51.100." + (100 + CLIENTS.incrementAndGet());

    @BeforeAll
    static void addStaff() {
        server.addUser("casedesk@example.com", PASSWORD, Role.HELPDESK);
        server.addUser("queue-root@example.com", PASSWORD, Role.ADMIN);
    }

    private static String admin() {
        return server.signIn("queue-root@example.com", PASSWORD);
    }

    /** Asks for a reset of the address and returns the report token of the email it sent. */
    private String resetEmailReport(String email) {
        assertThat(server.post("/api/v1/password-resets", "{\"email\":\"" + email + "\"}", ip, null).status())
                .isEqualTo(202);
        List<MimeMessage> mail = server.messagesTo(email);
        return TestServer.reportTokenIn(Mail.text(mail.get(mail.size() - 1)));
    }

    private JsonNode queue(String query) {
        Response listed = server.get("/api/v1/helpdesk/cases" + query, ReportTest.staff());
        assertThat(listed.status()).as(listed.body()).isEqualTo(200);
        return listed.json();
    }

    private static List<Long> ids(JsonNode page) {
        List<Long> ids = new ArrayList<>();
        page.get("cases").forEach(c -> ids.add(c.get("id").asLong()));
        return ids;
    }

    @Test
    void referenceWhenReportsConfirmedAroundOthersThenUnguessableAndNoAnswerCountsCases() {
        String first = server.newUser("counted", PASSWORD);
        String second = server.newUser("counted", PASSWORD);
        Response one = ReportTest.confirm(resetEmailReport(first), ip);
        // Someone else's case between the two: with a counter, the second reference would tell.
        ReportTest.confirm(resetEmailReport(server.newUser("between", PASSWORD)), ip);
        Response two = ReportTest.confirm(resetEmailReport(second), ip);

        for (Response confirmed : List.of(one, two)) {
            String reference = confirmed.json().get("reference").asText();
            long id = ReportTest.caseId(reference);
            assertThat(confirmed.json().get("reference").isTextual()).isTrue();
            List<String> numbers = new ArrayList<>();
            confirmed.json().fields().forEachRemaining(field -> numbers.add(field.getValue().asText()));
            assertThat(numbers).as("no answer field carries the case's number").doesNotContain(Long.toString(id));
        }
        assertThat(one.json().get("reference").asText()).isNotEqualTo(two.json().get("reference").asText());
    }

    @Test
    void reportsWhenOneOwnerConfirmsThreeThenOneOpenCaseWithTheOthersAsNotes() {
        String owner = server.newUser("repeat", PASSWORD);
        List<String> tokens = List.of(resetEmailReport(owner), resetEmailReport(owner), resetEmailReport(owner));
        List<String> references = new ArrayList<>();
        for (String token : tokens) {
            references.add(ReportTest.confirm(token, ip).json().get("reference").asText());
        }
        assertThat(references).as("every report joins the open case").containsOnly(references.get(0));
        long id = ReportTest.caseId(references.get(0));
        JsonNode page = queue("?kind=REPORT&userId=" + server.get("/api/v1/helpdesk/cases/" + id, ReportTest.staff())
                .json().at("/summary/userId").asLong());
        assertThat(page.get("total").asInt()).isEqualTo(1);
        JsonNode detail = server.get("/api/v1/helpdesk/cases/" + id, ReportTest.staff()).json();
        assertThat(detail.get("notes").findValuesAsText("text")).hasSize(2)
                .allMatch(note -> note.startsWith("The owner also reports"));

        // Once resolved, the next report opens a case of its own.
        server.post("/api/v1/helpdesk/cases/" + id + "/resolve", "", ip, ReportTest.staff());
        String next = ReportTest.confirm(resetEmailReport(server.newUser("other", PASSWORD)), ip).json()
                .get("reference").asText();
        assertThat(next).isNotEqualTo(references.get(0));
    }

    @Test
    void queueWhenLongerThanAPageThenPagedFilteredCountedAndHeldAccountsFirst() {
        for (int i = 0; i < 4; i++) {
            ReportTest.confirm(resetEmailReport(server.newUser("paged", PASSWORD)), ip);
        }
        String held = server.newUser("held", PASSWORD);
        ReportTest.confirm(ReportTest.changedEmailReport(held, server.signIn(held, PASSWORD)), ip);
        for (int i = 0; i < 3; i++) {
            ReportTest.confirm(resetEmailReport(server.newUser("later", PASSWORD)), ip);
        }

        JsonNode all = queue("?limit=200");
        int total = all.get("total").asInt();
        assertThat(total).isGreaterThanOrEqualTo(8).isEqualTo(all.get("cases").size());
        assertThat(all.get("cases").get(0).get("held").asBoolean()).as("held accounts first").isTrue();
        long open = 0;
        for (JsonNode c : all.get("cases")) {
            open += c.get("status").asText().equals("RESOLVED") ? 0 : 1;
        }
        assertThat(all.get("open").asLong()).isEqualTo(open);

        List<Long> pages = new ArrayList<>();
        for (int offset = 0; offset < total; offset += 3) {
            JsonNode page = queue("?limit=3&offset=" + offset);
            assertThat(page.get("total").asInt()).isEqualTo(total);
            assertThat(page.get("cases").size()).isLessThanOrEqualTo(3);
            pages.addAll(ids(page));
        }
        assertThat(pages).as("the pages together are the queue, in its order").isEqualTo(ids(all));

        assertThat(queue("?status=resolved&limit=200").get("cases").findValuesAsText("status")).containsOnly("RESOLVED");
        JsonNode reports = queue("?kind=REPORT&status=OPEN&limit=200");
        assertThat(reports.get("cases").findValuesAsText("kind")).containsOnly("REPORT");
        assertThat(reports.get("total").asInt()).isEqualTo(reports.get("cases").size());
    }

    @Test
    void queueWhenFiltersAreHostileThen400NamingTheParameter() {
        String staff = ReportTest.staff();
        for (String query : List.of("status=ANY", "kind=%27%20OR%201%3D1", "limit=ten", "offset=1e3", "userId=-x",
                "reference=" + "A".repeat(33), "status=" + "O".repeat(41))) {
            Response refused = server.get("/api/v1/helpdesk/cases?" + query, staff);
            assertThat(refused.status()).as(query).isEqualTo(400);
            assertThat(refused.json().get("error").asText()).isEqualTo("invalid_request");
            String name = query.substring(0, query.indexOf('='));
            assertThat(refused.json().get("message").asText()).as(query).contains(name);
        }
        assertThat(queue("?reference=%27%3B%20DROP%20TABLE%20support_case%3B--").get("total").asInt()).isZero();
        assertThat(queue("?limit=0&offset=-5").get("cases").size()).isLessThanOrEqualTo(1);
    }

    @Test
    void releaseWhenFromAResolvedOrASignalCaseThenRefusedAndTheHoldStays() {
        String staffMember = "queue-desk-" + CLIENTS.incrementAndGet() + "@example.com";
        long id = server.addUser(staffMember, PASSWORD, Role.HELPDESK);
        // A self-service reset of a staff account opens a signal case about that account.
        resetEmailReport(staffMember);
        long signal = queue("?kind=SIGNAL&userId=" + id).get("cases").get(0).get("id").asLong();

        long first = ReportTest.caseId(ReportTest.confirm(ReportTest.changedEmailReport(staffMember,
                server.signIn(staffMember, PASSWORD)), ip).json().get("reference").asText());
        assertThat(release(first).status()).isEqualTo(200);
        assertThat(server.post("/api/v1/helpdesk/cases/" + first + "/resolve", "", ip, admin()).status()).isEqualTo(200);
        String password = "harbor lantern drifts slowly";
        assertThat(server.post("/api/v1/password-resets/complete", "{\"token\":\"" + server.latestTokenFor(staffMember)
                + "\",\"newPassword\":\"" + password + "\"}", ip, null).status()).isEqualTo(200);

        // A newer report holds the account again: only its own case may release it.
        Response changed = server.post("/api/v1/me/password", "{\"currentPassword\":\"" + password
                + "\",\"newPassword\":\"" + ReportTest.NEW + "\"}", ip, server.signIn(staffMember, password));
        assertThat(changed.status()).isEqualTo(200);
        List<MimeMessage> mail = server.messagesTo(staffMember);
        Response reported = ReportTest.confirm(TestServer.reportTokenIn(Mail.text(mail.get(mail.size() - 1))), ip);
        long second = ReportTest.caseId(reported.json().get("reference").asText());
        assertThat(second).isNotEqualTo(first);

        for (long other : List.of(first, signal)) {
            Response refused = release(other);
            assertThat(refused.status()).as("release from case " + other).isEqualTo(409);
            assertThat(refused.json().get("error").asText()).isEqualTo("conflict");
        }
        assertThat(server.get("/api/v1/helpdesk/cases/" + second, admin()).json().at("/summary/held").asBoolean())
                .as("the hold stays").isTrue();
        assertThat(release(second).status()).isEqualTo(200);
    }

    @Test
    void resolveWhenTheReportedAccountIsStillHeldThen409AndItsCaseStillReleasesIt() {
        String owner = server.newUser("stuck", PASSWORD);
        String reference = ReportTest.confirm(ReportTest.changedEmailReport(owner, server.signIn(owner, PASSWORD)), ip)
                .json().get("reference").asText();
        long id = ReportTest.caseId(reference.replace("-", " ").toLowerCase());
        Response refused = server.post("/api/v1/helpdesk/cases/" + id + "/resolve", "", ip, ReportTest.staff());
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("message").asText()).contains("release");
        assertThat(server.get("/api/v1/helpdesk/cases/" + id, ReportTest.staff()).json().at("/summary/status").asText())
                .isEqualTo("OPEN");
        assertThat(release(id).status()).isEqualTo(200);
        assertThat(server.post("/api/v1/helpdesk/cases/" + id + "/resolve", "", ip, ReportTest.staff()).status())
                .isEqualTo(200);
    }

    private Response release(long caseId) {
        return server.post("/api/v1/helpdesk/cases/" + caseId + "/release", "", ip, admin());
    }
}
