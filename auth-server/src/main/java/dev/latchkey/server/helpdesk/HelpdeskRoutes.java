package dev.latchkey.server.helpdesk;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import io.helidon.http.Method;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import dev.latchkey.api.ErrorCode;
import dev.latchkey.api.FreeText;
import dev.latchkey.api.Responses.SecondFactorRemoval;
import dev.latchkey.api.Role;
import dev.latchkey.i18n.Languages;
import dev.latchkey.server.http.ApiException;
import dev.latchkey.server.http.ClientIp;
import dev.latchkey.server.http.ErrorHandling;
import dev.latchkey.server.http.JsonBody;
import dev.latchkey.server.http.JsonResponses;
import dev.latchkey.server.mfa.FactorRemovals;
import dev.latchkey.server.session.Caller;
import dev.latchkey.server.session.SessionService;

/** {@code /api/v1/helpdesk}: staff endpoints. Every one needs a session (401) with a staff role (403). */
public final class HelpdeskRoutes implements HttpService {
    private static final int QUERY_MAX = 254;

    private final HelpdeskService helpdesk;
    private final FactorRemovals factorRemovals;
    private final SessionService sessions;
    private final ClientIp clientIp;

    public HelpdeskRoutes(HelpdeskService helpdesk, FactorRemovals factorRemovals, SessionService sessions,
                          ClientIp clientIp) {
        this.helpdesk = helpdesk;
        this.factorRemovals = factorRemovals;
        this.sessions = sessions;
        this.clientIp = clientIp;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/users", this::search)
                .post("/users", this::invite)
                .any("/users", ErrorHandling.allowOnly(Method.GET, Method.POST))
                .post("/users/{id}/password-reset", this::startReset)
                .any("/users/{id}/password-reset", ErrorHandling.allowOnly(Method.POST))
                .post("/users/{id}/unlock", this::unlock)
                .any("/users/{id}/unlock", ErrorHandling.allowOnly(Method.POST))
                .post("/users/{id}/second-factor-removal", this::removeSecondFactor)
                .any("/users/{id}/second-factor-removal", ErrorHandling.allowOnly(Method.POST))
                .delete("/users/{id}/sessions", this::endSessions)
                .any("/users/{id}/sessions", ErrorHandling.allowOnly(Method.DELETE))
                .get("/audit", this::audit)
                .any("/audit", ErrorHandling.allowOnly(Method.GET));
    }

    /** The caller, if signed in (401) with a staff role and its second factor (403): every endpoint starts here. */
    private Caller staff(ServerRequest req) {
        return sessions.authenticateStaff(req);
    }

    private void search(ServerRequest req, ServerResponse res) {
        Caller staff = staff(req);
        String query = req.query().first("query").orElse("").strip();
        if (query.length() > QUERY_MAX) {
            throw ApiException.invalidRequest("api.param.tooLong", "query", QUERY_MAX);
        }
        JsonResponses.send(res, 200, helpdesk.search(staff, query));
    }

    private void invite(ServerRequest req, ServerResponse res) {
        Caller staff = staff(req);
        JsonBody body = JsonBody.read(req);
        String email = body.requiredEmail("email");
        String name = body.requiredText("displayName", FreeText.NAME_MAX);
        String role = body.requiredString("role");
        Role parsed;
        try {
            parsed = Role.valueOf(role.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidRequest("api.field.role");
        }
        if (!FreeText.isOneLine(name)) {
            throw ApiException.invalidRequest("api.field.oneLine", "displayName");
        }
        if (FreeText.hasBidiControls(name)) {
            throw ApiException.invalidRequest("api.field.badCharacters", "displayName");
        }
        // The language the invitation (and every later email) is written in; English when not given.
        Optional<Locale> language = body.optionalString("language").map(tag -> Languages.SUPPORTED.stream()
                .filter(supported -> supported.toLanguageTag().equalsIgnoreCase(tag.strip()))
                .findFirst()
                .orElseThrow(() -> ApiException.invalidRequest("api.field.language", Languages.SUPPORTED.stream()
                        .map(Locale::toLanguageTag).collect(Collectors.joining(", ")))));
        JsonResponses.send(res, 201, helpdesk.invite(staff, email, name, parsed, language, clientIp.of(req)));
    }

    private void startReset(ServerRequest req, ServerResponse res) {
        Caller staff = staff(req);
        long id = pathId(req);
        String reason = JsonBody.read(req).requiredText("reason", FreeText.REASON_MAX);
        helpdesk.startReset(staff, id, reason, clientIp.of(req));
        res.status(202).send();
    }

    private void unlock(ServerRequest req, ServerResponse res) {
        Caller staff = staff(req);
        helpdesk.unlock(staff, pathId(req), clientIp.of(req));
        res.status(204).send();
    }

    /** The owner lost their factor: it goes after the waiting time, unless the owner stops it. */
    private void removeSecondFactor(ServerRequest req, ServerResponse res) {
        Caller staff = staff(req);
        long id = pathId(req);
        String reason = JsonBody.read(req).requiredText("reason", FreeText.REASON_MAX);
        Instant due = factorRemovals.request(staff.user(), helpdesk.target(staff, id), reason, clientIp.of(req));
        JsonResponses.send(res, 202, new SecondFactorRemoval(due.toString()));
    }

    private void endSessions(ServerRequest req, ServerResponse res) {
        Caller staff = staff(req);
        helpdesk.endSessions(staff, pathId(req), clientIp.of(req));
        res.status(204).send();
    }

    private void audit(ServerRequest req, ServerResponse res) {
        Caller staff = staff(req);
        Optional<Long> userId = longParam(req, "userId");
        int limit = longParam(req, "limit").map(Long::intValue).orElse(50);
        JsonResponses.send(res, 200, helpdesk.audit(staff, userId, limit, longParam(req, "before")));
    }

    private static long pathId(ServerRequest req) {
        return pathId(req, "api.user.notFound");
    }

    /** The path's {@code {id}}; 404 with the text {@code notFound} names when it is not a number. */
    static long pathId(ServerRequest req, String notFound) {
        try {
            return Long.parseLong(req.path().pathParameters().get("id"));
        } catch (NumberFormatException e) {
            throw ApiException.of(ErrorCode.NOT_FOUND, notFound);
        }
    }

    static Optional<Long> longParam(ServerRequest req, String name) {
        Optional<String> raw = req.query().first(name).asOptional().filter(s -> !s.isBlank());
        try {
            return raw.map(String::strip).map(Long::parseLong);
        } catch (NumberFormatException e) {
            throw ApiException.invalidRequest("api.param.notNumber", name);
        }
    }
}
