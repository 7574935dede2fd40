package dev.latchkey.server.session;

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
import dev.latchkey.server.i18n.Reader;
import dev.latchkey.server.mfa.SecondFactorCheck;

/** {@code /api/v1/sessions}: sign in and sign out. */
public final class SessionRoutes implements HttpService {
    private final SessionService service;
    private final ClientIp clientIp;

    public SessionRoutes(SessionService service, ClientIp clientIp) {
        this.service = service;
        this.clientIp = clientIp;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/", this::signIn)
                .any("/", ErrorHandling.allowOnly(Method.POST))
                .delete("/current", this::signOut)
                .any("/current", ErrorHandling.allowOnly(Method.DELETE));
    }

    private void signIn(ServerRequest req, ServerResponse res) {
        JsonBody body = JsonBody.read(req);
        String email = body.requiredEmail("email");
        String password = body.requiredString("password");
        Optional<String> secondFactor = body.optionalBoundedString("secondFactor", SecondFactorCheck.MAX_LENGTH);
        JsonResponses.send(res, 201, service.signIn(email, password, secondFactor, clientIp.of(req), Reader.of(req)));
    }

    private void signOut(ServerRequest req, ServerResponse res) {
        service.signOut(service.authenticate(req), clientIp.of(req));
        res.status(204).send();
    }
}
