package dev.latchkey.server.http;

import io.helidon.health.HealthCheck;
import io.helidon.health.HealthCheckResponse;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;

/**
 * Health details (which checks run, the database's name and errors) are for the machine's own
 * operators: a caller that is not on loopback gets only the status, 204 when up and 503 when not, as
 * Helidon answers with details off, unless {@code auth.health.details-for-all} is set.
 */
public final class HealthAccess implements Filter {
    public static final String PATH = "/observe/health";

    private final HealthCheck check;
    private final ClientIp clientIp;
    private final boolean detailsForAll;

    public HealthAccess(HealthCheck check, ClientIp clientIp, boolean detailsForAll) {
        this.check = check;
        this.clientIp = clientIp;
        this.detailsForAll = detailsForAll;
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest request, RoutingResponse response) {
        String path = request.path().absolute().path();
        boolean health = path.equals(PATH) || path.startsWith(PATH + "/");
        if (!health || detailsForAll || ClientIp.isLoopback(clientIp.of(request))) {
            chain.proceed();
            return;
        }
        boolean up = check.call().status() == HealthCheckResponse.Status.UP;
        response.status(up ? 204 : 503).send();
    }
}
