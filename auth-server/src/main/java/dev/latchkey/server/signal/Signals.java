package dev.latchkey.server.signal;

import java.net.InetAddress;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.logging.Logger;

import dev.latchkey.server.cases.Cases;
import dev.latchkey.server.cases.Cases.Signal;
import dev.latchkey.server.config.SignalSettings;
import dev.latchkey.server.db.Database;
import dev.latchkey.server.http.IpRange;
import dev.latchkey.server.ratelimit.Limiter;
import dev.latchkey.server.ratelimit.RateLimits;
import dev.latchkey.server.token.Tokens;
import dev.latchkey.server.user.User;

/**
 * Unusual resets, raised as signal cases for the help desk and logged as one WARNING line each
 * ({@code signal=... key=value ...}), never with an email address or a token. The two per-IP counts
 * use the rate limits' windows (shared by every instance on PostgreSQL) and stop with them
 * ({@code auth.rate-limit.enabled=false}); a burst opens one case per window, not one per event.
 */
public final class Signals {
    private static final Logger LOG = Logger.getLogger(Signals.class.getName());

    private final Database db;
    private final Cases cases;
    private final SignalSettings settings;
    /** Refuses the second sighting of one (client, address) pair: only new addresses are counted. */
    private final Limiter addressSeen;
    private final Limiter addressesPerIp;
    private final Limiter rejectedPerIp;

    public Signals(Database db, Cases cases, SignalSettings settings, RateLimits.Windows windows) {
        this.db = db;
        this.cases = cases;
        this.settings = settings;
        this.addressSeen = windows.limiter("signal-address-seen", 1, settings.window(), UnaryOperator.identity());
        this.addressesPerIp = windows.limiter("signal-addresses-per-ip", settings.addressesPerIp() - 1,
                settings.window(), UnaryOperator.identity());
        this.rejectedPerIp = windows.limiter("signal-rejected-per-ip", settings.rejectedTokensPerIp() - 1,
                settings.window(), UnaryOperator.identity());
    }

    /** A reset was asked for {@code email} from {@code clientIp}. */
    public void resetAsked(String clientIp, String email) {
        if (clientIp == null || !addressSeen.hit(clientIp + " " + Tokens.sha256(email)).allowed()) {
            return;
        }
        if (!addressesPerIp.hit(clientIp).allowed()) {
            raise(Signal.MANY_ADDRESSES_FROM_IP, null, clientIp, "One IP address asked resets for "
                    + settings.addressesPerIp() + " or more different addresses within " + settings.window(),
                    "count=" + settings.addressesPerIp() + " window=" + settings.window());
        }
    }

    /** A reset or report token from {@code clientIp} was refused. */
    public void tokenRejected(String clientIp) {
        if (clientIp != null && !rejectedPerIp.hit(clientIp).allowed()) {
            raise(Signal.MANY_REJECTED_TOKENS_FROM_IP, null, clientIp, "One IP address had "
                    + settings.rejectedTokensPerIp() + " or more tokens refused within " + settings.window(),
                    "count=" + settings.rejectedTokensPerIp() + " window=" + settings.window());
        }
    }

    /** A reset link is being sent to a staff account the owner asked for by email address. */
    public void staffReset(User user, String clientIp) {
        raise(Signal.STAFF_ACCOUNT_RESET, user.id(), clientIp, "Reset asked for a staff account ("
                + user.role() + ")", "user=" + user.id() + " role=" + user.role());
    }

    /** A reset was completed; flags it when the network differs from the one that asked for it. */
    public void resetCompleted(User user, String requestedIp, String completedIp) {
        if (requestedIp != null && completedIp != null && far(requestedIp, completedIp)) {
            raise(Signal.FAR_NETWORK_COMPLETE, user.id(), completedIp, "Reset asked from " + requestedIp
                    + " and completed from " + completedIp + ", another network",
                    "user=" + user.id() + " requested_ip=" + requestedIp);
        }
    }

    /**
     * Different networks: another IPv4 /16 or IPv6 /48. Addresses of different families are not
     * compared (a dual-stack client has both), nor anything that is not an IP literal.
     */
    static boolean far(String a, String b) {
        Optional<InetAddress> first = IpRange.literal(a);
        Optional<InetAddress> second = IpRange.literal(b);
        if (first.isEmpty() || second.isEmpty()
                || first.get().getAddress().length != second.get().getAddress().length) {
            return false;
        }
        byte[] network = first.get().getAddress();
        return !new IpRange(network, network.length == 4 ? 16 : 48).contains(second.get());
    }

    private void raise(Signal signal, Long userId, String clientIp, String summary, String fields) {
        Optional<Long> opened = db.inTransaction(tx -> cases.signalOpen(tx, signal, userId, clientIp,
                settings.window()) ? Optional.empty()
                : Optional.of(cases.open(tx, Cases.Kind.SIGNAL, signal, summary, userId, clientIp)));
        opened.ifPresent(id -> LOG.warning(() -> "signal=" + signal + " case=" + id + " ip=" + clientIp + " " + fields));
    }
}
