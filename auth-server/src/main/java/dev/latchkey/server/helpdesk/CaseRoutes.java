package dev.latchkey.server.helpdesk;

import io.helidon.http.Method;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import dev.latchkey.api.FreeText;
import dev.latchkey.server.http.ClientIp;
import dev.latchkey.server.http.ErrorHandling;
import dev.latchkey.server.http.JsonBody;
import dev.latchkey.server.http.JsonResponses;
import dev.latchkey.server.session.Caller;
import dev.latchkey.server.session.SessionService;

/** {@code /api/v1/helpdesk/cases}: staff only, like the rest of the help desk (401, then 403). */
public final class CaseRoutes implements HttpService {
    private final CaseService cases;
    private final SessionService sessions;
    private final ClientIp clientIp;

    public CaseRoutes(CaseService cases, SessionService sessions, ClientIp clientIp) {
        this.cases = cases;
        this.sessions = sessions;
        this.clientIp = clientIp;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", (req, res) -> JsonResponses.send(res, 200, cases.list(staff(req))))
                .any("/", ErrorHandling.allowOnly(Method.GET))
                .get("/{id}", (req, res) -> JsonResponses.send(res, 200, cases.detail(staff(req), caseId(req))))
                .any("/{id}", ErrorHandling.allowOnly(Method.GET))
                .post("/{id}/acknowledge", this::acknowledge)
                .any("/{id}/acknowledge", ErrorHandling.allowOnly(Method.POST))
                .post("/{id}/notes", this::note)
                .any("/{id}/notes", ErrorHandling.allowOnly(Method.POST))
                .post("/{id}/resolve", this::resolve)
                .any("/{id}/resolve", ErrorHandling.allowOnly(Method.POST))
                .post("/{id}/release", this::release)
                .any("/{id}/release", ErrorHandling.allowOnly(Method.POST));
    }

    private Caller staff(ServerRequest req) {
        return sessions.authenticateStaff(req);
    }

    private void acknowledge(ServerRequest req, ServerResponse res) {
        JsonResponses.send(res, 200, cases.acknowledge(staff(req), caseId(req), clientIp.of(req)));
    }

    private void note(ServerRequest req, ServerResponse res) {
        Caller staff = staff(req);
        String text = JsonBody.read(req).requiredText("text", FreeText.NOTE_MAX);
        JsonResponses.send(res, 200, cases.note(staff, caseId(req), text, clientIp.of(req)));
    }

    private void resolve(ServerRequest req, ServerResponse res) {
        JsonResponses.send(res, 200, cases.resolve(staff(req), caseId(req), clientIp.of(req)));
    }

    private void release(ServerRequest req, ServerResponse res) {
        JsonResponses.send(res, 200, cases.release(staff(req), caseId(req), clientIp.of(req)));
    }

    private static long caseId(ServerRequest req) {
        return HelpdeskRoutes.pathId(req, CaseService.NO_SUCH_CASE);
    }
}
