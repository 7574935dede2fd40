package dev.latchkey.server.helpdesk;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

import io.helidon.http.Method;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import dev.latchkey.api.FreeText;
import dev.latchkey.server.cases.Cases;
import dev.latchkey.server.http.ApiException;
import dev.latchkey.server.http.ClientIp;
import dev.latchkey.server.http.ErrorHandling;
import dev.latchkey.server.http.JsonBody;
import dev.latchkey.server.http.JsonResponses;
import dev.latchkey.server.session.Caller;
import dev.latchkey.server.session.SessionService;

/** {@code /api/v1/helpdesk/cases}: staff only, like the rest of the help desk (401, then 403). */
public final class CaseRoutes implements HttpService {
    /** Cases on one page unless the caller asks for another number (at most {@link Cases#PAGE_MAX}). */
    private static final int PAGE = 50;
    /** A reference is 14 characters; anything much longer is not one. */
    private static final int REFERENCE_MAX = 32;

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
        rules.get("/", this::list)
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

    /** {@code ?status=&kind=&userId=&reference=&limit=&offset=}: one page of the queue, narrowed. */
    private void list(ServerRequest req, ServerResponse res) {
        Caller staff = staff(req);
        Cases.Filter filter = new Cases.Filter(enumParam(req, "status", Cases.Status.class),
                enumParam(req, "kind", Cases.Kind.class), HelpdeskRoutes.longParam(req, "userId"),
                textParam(req, "reference", REFERENCE_MAX).map(Cases::normalizeReference));
        int limit = HelpdeskRoutes.longParam(req, "limit").map(Long::intValue).orElse(PAGE);
        int offset = HelpdeskRoutes.longParam(req, "offset").map(Long::intValue).orElse(0);
        JsonResponses.send(res, 200, cases.list(staff, filter, limit, offset));
    }

    private static <E extends Enum<E>> Optional<E> enumParam(ServerRequest req, String name, Class<E> type) {
        return textParam(req, name, 40).map(value -> Arrays.stream(type.getEnumConstants())
                .filter(constant -> constant.name().equalsIgnoreCase(value)).findFirst()
                .orElseThrow(() -> ApiException.invalidRequest("api.param.oneOf", name,
                        Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", ")))));
    }

    private static Optional<String> textParam(ServerRequest req, String name, int max) {
        Optional<String> value = req.query().first(name).asOptional().map(String::strip).filter(s -> !s.isEmpty());
        if (value.isPresent() && value.get().length() > max) {
            throw ApiException.invalidRequest("api.param.tooLong", name, max);
        }
        return value;
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
