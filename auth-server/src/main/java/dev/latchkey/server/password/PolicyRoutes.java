package dev.latchkey.server.password;

import io.helidon.http.Method;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import dev.latchkey.password.PasswordPolicy;
import dev.latchkey.server.http.ErrorHandling;
import dev.latchkey.server.http.JsonResponses;

/** {@code GET /api/v1/password-policy}: the rules the server enforces, for clients to show. */
public final class PolicyRoutes implements HttpService {
    private final PasswordPolicy policy;

    public PolicyRoutes(PasswordPolicy policy) {
        this.policy = policy;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", this::policy)
                .any("/", ErrorHandling.allowOnly(Method.GET));
    }

    private void policy(ServerRequest req, ServerResponse res) {
        JsonResponses.send(res, 200, policy.describe());
    }
}
