package dev.latchkey.server.report;

import io.helidon.http.Method;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import dev.latchkey.server.http.ClientIp;
import dev.latchkey.server.http.ErrorHandling;
import dev.latchkey.server.http.JsonBody;
import dev.latchkey.server.http.JsonResponses;

/** {@code /api/v1/reports}: a "Not you?" link, looked at ({@code /verify}) and confirmed. */
public final class ReportRoutes implements HttpService {
    private final ReportService reports;
    private final ClientIp clientIp;

    public ReportRoutes(ReportService reports, ClientIp clientIp) {
        this.reports = reports;
        this.clientIp = clientIp;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/", this::confirm)
                .any("/", ErrorHandling.allowOnly(Method.POST))
                .post("/verify", this::view)
                .any("/verify", ErrorHandling.allowOnly(Method.POST));
    }

    private void view(ServerRequest req, ServerResponse res) {
        String token = JsonBody.read(req).requiredString("token");
        JsonResponses.send(res, 200, reports.view(token, clientIp.of(req)));
    }

    private void confirm(ServerRequest req, ServerResponse res) {
        String token = JsonBody.read(req).requiredString("token");
        JsonResponses.send(res, 200, reports.confirm(token, clientIp.of(req)));
    }
}
