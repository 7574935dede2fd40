package dev.latchkey.server.reset;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

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
import dev.latchkey.server.i18n.Reader;
import dev.latchkey.server.mfa.SecondFactorCheck;
import dev.latchkey.server.i18n.Texts;

/** {@code /api/v1/password-resets}: request, verify, complete. */
public final class PasswordResetRoutes implements HttpService {
    private final ResetService resets;
    private final ClientIp clientIp;
    private final Duration tokenTtl;

    public PasswordResetRoutes(ResetService resets, ClientIp clientIp, Duration tokenTtl) {
        this.resets = resets;
        this.clientIp = clientIp;
        this.tokenTtl = tokenTtl;
    }

    @Override
    public void routing(HttpRules rules) {
        // Each path's other methods get 405 with Allow, after the route that takes it.
        rules.post("/", this::request)
                .any("/", ErrorHandling.allowOnly(Method.POST))
                .post("/verify", this::verify)
                .any("/verify", ErrorHandling.allowOnly(Method.POST))
                .post("/complete", this::complete)
                .any("/complete", ErrorHandling.allowOnly(Method.POST));
    }

    private void request(ServerRequest req, ServerResponse res) {
        JsonBody body = JsonBody.read(req);
        resets.request(body.requiredEmail("email"), clientIp.of(req), Reader.of(req));
        JsonResponses.send(res, 202, new MessageResponse(accepted(Texts.of(req))));
    }

    /** How long the link works: in seconds under a minute, else in whole minutes, never more than it works. */
    private String accepted(Locale language) {
        return tokenTtl.toMinutes() == 0 ? Texts.get(language, "api.reset.accepted.seconds", tokenTtl.toSeconds())
                : Texts.get(language, "api.reset.accepted", tokenTtl.toMinutes());
    }

    private void verify(ServerRequest req, ServerResponse res) {
        JsonBody body = JsonBody.read(req);
        JsonResponses.send(res, 200, resets.verify(body.requiredString("token"), clientIp.of(req)));
    }

    private void complete(ServerRequest req, ServerResponse res) {
        JsonBody body = JsonBody.read(req);
        String token = body.requiredString("token");
        String newPassword = body.requiredString("newPassword");
        Optional<String> secondFactor = body.optionalBoundedString("secondFactor", SecondFactorCheck.MAX_LENGTH);
        resets.complete(token, newPassword, secondFactor, clientIp.of(req), Reader.of(req));
        JsonResponses.send(res, 200, new MessageResponse(Texts.get(Texts.of(req), "api.reset.completed")));
    }
}
