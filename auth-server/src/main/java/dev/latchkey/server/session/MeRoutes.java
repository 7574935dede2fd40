package dev.latchkey.server.session;

import io.helidon.http.Method;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import dev.latchkey.api.Responses.MessageResponse;
import dev.latchkey.server.http.ClientIp;
import dev.latchkey.server.http.ErrorHandling;
import dev.latchkey.server.http.JsonBody;
import dev.latchkey.server.http.JsonResponses;
import dev.latchkey.server.i18n.Texts;

/** {@code /api/v1/me}: the signed-in user and their password change. */
public final class MeRoutes implements HttpService {
    private final SessionService service;
    private final PasswordChange passwordChange;
    private final ClientIp clientIp;

    public MeRoutes(SessionService service, PasswordChange passwordChange, ClientIp clientIp) {
        this.service = service;
        this.passwordChange = passwordChange;
        this.clientIp = clientIp;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", this::me)
                .any("/", ErrorHandling.allowOnly(Method.GET))
                .post("/password", this::changePassword)
                .any("/password", ErrorHandling.allowOnly(Method.POST));
    }

    private void me(ServerRequest req, ServerResponse res) {
        JsonResponses.send(res, 200, service.authenticate(req).user().me());
    }

    private void changePassword(ServerRequest req, ServerResponse res) {
        Caller caller = service.authenticate(req);
        JsonBody body = JsonBody.read(req);
        String current = body.requiredString("currentPassword");
        String next = body.requiredString("newPassword");
        passwordChange.change(caller, current, next, clientIp.of(req));
        JsonResponses.send(res, 200, new MessageResponse(Texts.get(Texts.of(req), "api.password.changed")));
    }
}
