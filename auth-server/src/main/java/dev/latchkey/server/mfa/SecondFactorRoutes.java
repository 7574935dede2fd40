package dev.latchkey.server.mfa;

import java.util.Optional;

import io.helidon.http.Method;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import dev.latchkey.server.http.ClientIp;
import dev.latchkey.server.http.ErrorHandling;
import dev.latchkey.server.http.JsonBody;
import dev.latchkey.server.http.JsonResponses;
import dev.latchkey.server.session.Caller;
import dev.latchkey.server.session.SessionService;

/**
 * {@code /api/v1/me/second-factor}: the signed-in owner's second factor. {@code GET} tells whether
 * there is one; {@code POST} starts an enrolment, {@code /confirm} completes it with a first code,
 * {@code /recovery-codes} replaces the recovery codes and {@code /remove} removes the factor.
 */
public final class SecondFactorRoutes implements HttpService {
    private final SecondFactorService service;
    private final SessionService sessions;
    private final ClientIp clientIp;

    public SecondFactorRoutes(SecondFactorService service, SessionService sessions, ClientIp clientIp) {
        this.service = service;
        this.sessions = sessions;
        this.clientIp = clientIp;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", (req, res) -> JsonResponses.send(res, 200, service.status(sessions.authenticate(req))))
                .post("/", this::begin)
                .any("/", ErrorHandling.allowOnly(Method.GET, Method.POST))
                .post("/confirm", this::confirm)
                .any("/confirm", ErrorHandling.allowOnly(Method.POST))
                .post("/recovery-codes", this::recoveryCodes)
                .any("/recovery-codes", ErrorHandling.allowOnly(Method.POST))
                .post("/remove", this::remove)
                .any("/remove", ErrorHandling.allowOnly(Method.POST));
    }

    /** What every change of the factor sends: the current password, and a code once there is a factor. */
    private record Proof(String password, Optional<String> secondFactor) {
        static Proof read(JsonBody body) {
            return new Proof(body.requiredString("currentPassword"),
                    body.optionalBoundedString("secondFactor", SecondFactorCheck.MAX_LENGTH));
        }
    }

    private void begin(ServerRequest req, ServerResponse res) {
        Caller caller = sessions.authenticate(req);
        Proof proof = Proof.read(JsonBody.read(req));
        JsonResponses.send(res, 201, service.begin(caller, proof.password(), proof.secondFactor(), clientIp.of(req)));
    }

    private void confirm(ServerRequest req, ServerResponse res) {
        Caller caller = sessions.authenticate(req);
        String code = JsonBody.read(req).requiredString("code", SecondFactorCheck.MAX_LENGTH);
        JsonResponses.send(res, 200, service.confirm(caller, code, clientIp.of(req)));
    }

    private void recoveryCodes(ServerRequest req, ServerResponse res) {
        Caller caller = sessions.authenticate(req);
        Proof proof = Proof.read(JsonBody.read(req));
        JsonResponses.send(res, 200, service.replaceRecoveryCodes(caller, proof.password(), proof.secondFactor(),
                clientIp.of(req)));
    }

    private void remove(ServerRequest req, ServerResponse res) {
        Caller caller = sessions.authenticate(req);
        Proof proof = Proof.read(JsonBody.read(req));
        service.remove(caller, proof.password(), proof.secondFactor(), clientIp.of(req));
        res.status(204).send();
    }
}
