package dev.latchkey.server.helpdesk;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.UnaryOperator;
import java.util.logging.Level;
import java.util.logging.Logger;

import io.helidon.webserver.http.ServerRequest;

import dev.latchkey.server.audit.AuditEvent;
import dev.latchkey.server.audit.AuditLog;
import dev.latchkey.server.audit.AuditType;
import dev.latchkey.server.db.Database;
import dev.latchkey.server.http.ApiException;
import dev.latchkey.server.http.ClientIp;
import dev.latchkey.server.http.LogText;
import dev.latchkey.server.ratelimit.ClientNetwork;
import dev.latchkey.server.ratelimit.Limiter;
import dev.latchkey.server.ratelimit.RateLimits;
import dev.latchkey.server.session.Caller;
import dev.latchkey.server.user.User;

/**
 * 401 and 403 answers on the help desk's routes, whichever route or check refused. Each is logged: one
 * line with the status, the request's method and path, the account's id and role when signed in, and
 * the client IP (never a token or an address); INFO for a missing or ended session, WARNING for a
 * signed-in account refused. Each is also recorded in the audit trail as {@code STAFF_ROUTE_REFUSED},
 * at a bounded rate so that a flood cannot fill the table: at most one row a minute per account (per
 * client network without a session), and {@value #ROWS_PER_WINDOW} a minute in all. The error handling
 * hands it every refusal ({@code ErrorHandling.register}), so no route or check can leave one out.
 */
public final class StaffRefusals implements BiConsumer<ServerRequest, ApiException> {
    static final String STAFF_ROUTES = "/api/v1/helpdesk";
    static final int ROWS_PER_WINDOW = 10;
    private static final Duration WINDOW = Duration.ofMinutes(1);
    private static final Logger LOG = Logger.getLogger(StaffRefusals.class.getName());

    private final Database db;
    private final AuditLog audit;
    private final ClientIp clientIp;
    private final Limiter perCaller;
    private final Limiter overall;

    StaffRefusals(Database db, AuditLog audit, ClientIp clientIp, Limiter perCaller, Limiter overall) {
        this.db = db;
        this.audit = audit;
        this.clientIp = clientIp;
        this.perCaller = perCaller;
        this.overall = overall;
    }

    /**
     * Counted in the database when it is shared, so the bound holds across instances; counted even
     * with {@code auth.rate-limit.enabled=false}, since it protects the audit table, not a client's budget.
     */
    public static StaffRefusals create(Database db, Clock clock, AuditLog audit, ClientIp clientIp) {
        RateLimits.Windows windows = new RateLimits.Windows(db, clock, true);
        return new StaffRefusals(db, audit, clientIp,
                windows.limiter("staff-refusals-per-caller", 1, WINDOW, UnaryOperator.identity()),
                windows.limiter("staff-refusals", ROWS_PER_WINDOW, WINDOW, UnaryOperator.identity()));
    }

    /** A refusal about to be answered: kept when it is a 401 or 403 on a staff route. */
    @Override
    public void accept(ServerRequest request, ApiException e) {
        if ((e.status() == 401 || e.status() == 403) && isStaffRoute(request)) {
            refused(request, e);
        }
    }

    private static boolean isStaffRoute(ServerRequest request) {
        String path = request.path().absolute().path();
        return path.equals(STAFF_ROUTES) || path.startsWith(STAFF_ROUTES + "/");
    }

    private void refused(ServerRequest request, ApiException e) {
        String ip = clientIp.of(request);
        // Registered by SessionService when the session was live; absent for a 401.
        Optional<User> account = request.context().get(Caller.class).map(Caller::user);
        String refusal = e.status() + " " + e.code().wireName() + " on "
                + LogText.clean(request.prologue().method().text() + " " + request.path().absolute().path());
        String who = account.map(user -> " to account " + user.id() + " (" + user.role() + ")")
                .orElse(" without a session");
        LOG.log(account.isPresent() ? Level.WARNING : Level.INFO,
                "Staff route refused: " + refusal + who + " from " + LogText.clean(ip));
        String key = account.map(user -> "account " + user.id()).orElseGet(() -> "network " + ClientNetwork.of(ip));
        if (perCaller.hit(key).allowed() && overall.hit("all").allowed()) {
            String email = account.map(User::email).orElse(null);
            audit.record(db.execute(), new AuditEvent(AuditType.STAFF_ROUTE_REFUSED, account.map(User::id).orElse(null),
                    email, email, ip, "Refused " + refusal + ": " + e.getMessage()
                    + " (at most one such row a minute per account or network)"));
        }
    }
}
