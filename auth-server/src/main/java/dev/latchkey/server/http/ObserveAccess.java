package dev.latchkey.server.http;

import io.helidon.health.HealthCheck;
import io.helidon.health.HealthCheckResponse;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;

/**
 * The observe endpoints are for the machine's own operators: "on loopback" below means
 * {@link ClientIp#isThisMachine}, from a loopback socket and forwarded, if at all, only by loopback.
 * <ul>
 * <li>Health details (which checks run, the database's name and errors): a caller that is not on
 * loopback gets only the status, 204 when up and 503 when not, as Helidon answers with details off,
 * unless {@code auth.health.details-for-all} is set.</li>
 * <li>Metrics: the mail queue's counts move when a reset is asked for an address that has an
 * account, so a stranger who could watch them could tell which addresses do. A caller that is not on
 * loopback gets the 404 of an address with nothing at it, unless {@code auth.metrics.for-all} is set
 * (for a scraper on another host, with the network keeping strangers out).</li>
 * </ul>
 */
public final class ObserveAccess implements Filter {
    public static final String HEALTH = "/observe/health";
    public static final String METRICS = "/observe/metrics";

    private final HealthCheck check;
    private final ClientIp clientIp;
    private final boolean healthDetailsForAll;
    private final boolean metricsForAll;

    public ObserveAccess(HealthCheck check, ClientIp clientIp, boolean healthDetailsForAll, boolean metricsForAll) {
        this.check = check;
        this.clientIp = clientIp;
        this.healthDetailsForAll = healthDetailsForAll;
        this.metricsForAll = metricsForAll;
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest request, RoutingResponse response) {
        String path = request.path().absolute().path();
        boolean health = under(path, HEALTH);
        boolean metrics = under(path, METRICS);
        if (!(health && !healthDetailsForAll || metrics && !metricsForAll)
                || clientIp.isThisMachine(request)) {
            chain.proceed();
            return;
        }
        if (metrics) {
            throw ApiException.notFound();
        }
        boolean up = check.call().status() == HealthCheckResponse.Status.UP;
        response.status(up ? 204 : 503).send();
    }

    private static boolean under(String path, String endpoint) {
        return path.equals(endpoint) || path.startsWith(endpoint + "/");
    }
}
