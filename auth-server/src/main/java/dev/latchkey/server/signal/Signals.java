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
import dev.latchkey.server.ratelimit.ClientNetwork;
import dev.latchkey.server.ratelimit.Limiter;
import dev.latchkey.server.ratelimit.RateLimits;
import dev.latchkey.server.token.Tokens;
import dev.latchkey.server.user.User;

/**
 * Unusual resets, raised as signal cases for the help desk and logged as one WARNING line each
 * ({@code signal=... key=value ...}), never with an email address or a token. Clients are counted by
 * network ({@link #network}). The two per-network counts
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
        String network = network(clientIp);
        if (network == null || !addressSeen.hit(network + " " + Tokens.sha256(email)).allowed()) {
            return;
        }
        if (!addressesPerIp.hit(network).allowed()) {
            raise(Signal.MANY_ADDRESSES_FROM_IP, null, network, "One client network asked resets for "
                    + settings.addressesPerIp() + " or more different addresses within " + settings.window(),
                    "count=" + settings.addressesPerIp() + " window=" + settings.window());
        }
    }

    /** A reset or report token from {@code clientIp} was refused. */
    public void tokenRejected(String clientIp) {
        String network = network(clientIp);
        if (network != null && !rejectedPerIp.hit(network).allowed()) {
            raise(Signal.MANY_REJECTED_TOKENS_FROM_IP, null, network, "One client network had "
                    + settings.rejectedTokensPerIp() + " or more tokens refused within " + settings.window(),
                    "count=" + settings.rejectedTokensPerIp() + " window=" + settings.window());
        }
    }

    /** A reset link is being sent to a staff account the owner asked for by email address. */
    public void staffReset(User user, String clientIp) {
        raise(Signal.STAFF_ACCOUNT_RESET, user.id(), network(clientIp), "Reset asked for a staff account ("
                + user.role() + ")", "user=" + user.id() + " role=" + user.role());
    }

    /** A reset was completed; flags it when the network differs from the one that asked for it. */
    public void resetCompleted(User user, String requestedIp, String completedIp) {
        if (requestedIp != null && completedIp != null && far(requestedIp, completedIp)) {
            String from = network(requestedIp);
            String to = network(completedIp);
            raise(Signal.FAR_NETWORK_COMPLETE, user.id(), to, "Reset asked from " + from + " and completed from "
                    + to + ", another network", "user=" + user.id() + " requested_from=" + from);
        }
    }

    /**
     * The client's network as the rate limits count it (an IPv6 address by its /64, so one customer's
     * 2^64 addresses are one client), rebuilt from the parsed address so that nothing but an address
     * reaches a case or a log line; null for what is not an IP literal.
     */
    static String network(String ip) {
        return ip == null ? null : IpRange.literal(ip).map(a -> ClientNetwork.of(a.getHostAddress())).orElse(null);
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

    /**
     * Opens the case unless one is open for this burst, and logs it. A failure here is logged and
     * swallowed: noticing must never break the request or the email it watches.
     */
    private void raise(Signal signal, Long userId, String network, String summary, String fields) {
        try {
            Optional<Long> opened = db.inTransaction(tx -> cases.signalOpen(tx, signal, userId, network,
                    settings.window()) ? Optional.empty()
                    : Optional.of(cases.open(tx, Cases.Kind.SIGNAL, signal, summary, userId, network)));
            opened.ifPresent(id -> LOG.warning(() -> "signal=" + signal + " case=" + id + " ip=" + network + " "
                    + fields));
        } catch (RuntimeException e) {
            LOG.warning(() -> "signal=" + signal + " not recorded: " + e.getClass().getName());
        }
    }
}
