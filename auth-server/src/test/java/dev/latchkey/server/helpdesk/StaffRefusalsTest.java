package dev.latchkey.server.helpdesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.stream.Collectors;

import io.helidon.dbclient.DbRow;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.latchkey.api.Role;
import dev.latchkey.server.db.Rows;
import dev.latchkey.server.support.LogCapture;
import dev.latchkey.server.support.OneServerPerClass;

class StaffRefusalsTest extends OneServerPerClass {
    static final String PASSWORD = "velvet tractor orbits quietly";
    static final String REFUSED = "STAFF_ROUTE_REFUSED";

    static int ips;

    @BeforeAll
    static void addStaff() {
        server.addUser("refusals-admin@example.com", PASSWORD, Role.ADMIN);
        server.addUser("refusals-desk@example.com", PASSWORD, Role.HELPDESK);
    }

    /** Each test starts past the last one's minute: the bound in all is its own. */
    @BeforeEach
    void nextMinute() {
        server.clock.advance(Duration.ofSeconds(61));
    }

    private static String newIp() {
        return "198.51.100." + (++ips);
    }

    private static int status(String path, String ip, String session) {
        return server.send(server.request(path, ip, session).GET()).status();
    }

    private static int rowsFrom(String ip) {
        return server.db().execute().get("SELECT COUNT(*) AS n FROM audit_event WHERE event_type = ? AND client_ip = ?",
                REFUSED, ip).map(row -> Rows.intOf(row, "n")).orElse(0);
    }

    /** This class's lines: a database driver logging at FINEST shows bound values of its own. */
    private static String refusalLines(LogCapture log) {
        return log.text().lines().filter(line -> line.contains("Staff route refused"))
                .collect(Collectors.joining("\n"));
    }

    @Test
    void forbiddenWhenUserSessionOnAHelpdeskRouteThenLoggedAndAuditedWithoutTheToken() {
        String email = server.newUser("curious", PASSWORD);
        String session = server.signIn(email, PASSWORD);
        String ip = newIp();
        try (LogCapture log = new LogCapture()) {
            assertThat(status("/api/v1/helpdesk/users?query=a", ip, session)).isEqualTo(403);
            assertThat(refusalLines(log)).contains("Staff route refused: 403 forbidden on GET /api/v1/helpdesk/users")
                    .contains("(USER) from " + ip).doesNotContain(session).doesNotContain(email);
        }
        DbRow row = server.db().execute().get("SELECT user_id, user_email, actor, detail FROM audit_event"
                + " WHERE event_type = ? AND client_ip = ?", REFUSED, ip).orElseThrow();
        assertThat(Rows.stringOf(row, "user_email")).isEqualTo(email);
        assertThat(Rows.stringOf(row, "actor")).isEqualTo(email);
        assertThat(Rows.stringOf(row, "detail")).startsWith("Refused 403 forbidden on GET /api/v1/helpdesk/users")
                .doesNotContain(session);
    }

    @Test
    void unauthorizedWhenNoOrAnEndedSessionThenLoggedAndAuditedByTheClientsAddress() {
        String ip = newIp();
        try (LogCapture log = new LogCapture()) {
            assertThat(status("/api/v1/helpdesk/cases", ip, "A".repeat(43))).isEqualTo(401);
            assertThat(refusalLines(log)).contains("Staff route refused: 401 unauthorized on GET /api/v1/helpdesk/cases"
                    + " without a session from " + ip).doesNotContain("A".repeat(43));
        }
        assertThat(rowsFrom(ip)).isEqualTo(1);
        DbRow row = server.db().execute().get("SELECT user_id, user_email, detail FROM audit_event"
                + " WHERE event_type = ? AND client_ip = ?", REFUSED, ip).orElseThrow();
        assertThat(Rows.stringOf(row, "user_email")).isNull();
        assertThat(Rows.stringOf(row, "detail")).startsWith("Refused 401 unauthorized on GET /api/v1/helpdesk/cases");
    }

    @Test
    void forbiddenWhenHelpdeskActsOnAnAdministratorThenAudited() {
        String desk = server.signIn("refusals-desk@example.com", PASSWORD);
        long adminId = server.db().execute().get("SELECT id FROM app_user WHERE email = ?",
                "refusals-admin@example.com").map(row -> Rows.longOf(row, "id")).orElseThrow();
        String ip = newIp();
        assertThat(server.send(server.request("/api/v1/helpdesk/users/" + adminId + "/unlock", ip, desk)
                .POST(HttpRequest.BodyPublishers.noBody())).status()).isEqualTo(403);
        assertThat(server.auditCount(REFUSED, "refusals-desk@example.com")).isEqualTo(1);
        assertThat(status("/api/v1/helpdesk/users?query=a", ip, desk)).as("allowed: no row").isEqualTo(200);
        assertThat(server.auditCount(REFUSED, "refusals-desk@example.com")).isEqualTo(1);
    }

    @Test
    void refusalsWhenFloodedThenAtMostOneRowAMinutePerAccountOrNetwork() {
        String email = server.newUser("flooder", PASSWORD);
        String session = server.signIn(email, PASSWORD);
        String ip = newIp();
        String anonymous = newIp();
        for (int i = 0; i < 50; i++) {
            assertThat(status("/api/v1/helpdesk/audit", ip, session)).isEqualTo(403);
            assertThat(status("/api/v1/helpdesk/audit", anonymous, null)).isEqualTo(401);
        }
        assertThat(server.auditCount(REFUSED, email)).isEqualTo(1);
        assertThat(rowsFrom(anonymous)).isEqualTo(1);
        server.clock.advance(Duration.ofSeconds(61));
        assertThat(status("/api/v1/helpdesk/audit", ip, session)).isEqualTo(403);
        assertThat(status("/api/v1/helpdesk/audit", anonymous, null)).isEqualTo(401);
        assertThat(server.auditCount(REFUSED, email)).as("the next minute").isEqualTo(2);
        assertThat(rowsFrom(anonymous)).isEqualTo(2);
    }

    @Test
    void refusalsWhenFromManyAddressesThenAtMostTenRowsAMinuteInAll() {
        int before = server.db().execute().get("SELECT COUNT(*) AS n FROM audit_event WHERE event_type = ?", REFUSED)
                .map(row -> Rows.intOf(row, "n")).orElse(0);
        for (int i = 0; i < 40; i++) {
            assertThat(status("/api/v1/helpdesk/users", newIp(), null)).isEqualTo(401);
        }
        int after = server.db().execute().get("SELECT COUNT(*) AS n FROM audit_event WHERE event_type = ?", REFUSED)
                .map(row -> Rows.intOf(row, "n")).orElse(0);
        assertThat(after - before).isEqualTo(StaffRefusals.ROWS_PER_WINDOW);
    }
}
