package dev.latchkey.server.signal;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.logging.Logger;

import io.helidon.dbclient.DbExecute;

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
 * network ({@link #network}), and an IPv6 client by its /48 as well, against
 * {@link RateLimits#SITE_MULTIPLE} times the threshold (a case then names the /48). The per-network counts
 * use the rate limits' windows (shared by every instance on PostgreSQL) and stop with them
 * ({@code auth.rate-limit.enabled=false}); a burst opens one case per window, not one per event.
 */
public final class Signals {
    private static final Logger LOG = Logger.getLogger(Signals.class.getName());

    private final Database db;
    private final Cases cases;
    private final SignalSettings settings;
    /** A client's network, then its IPv6 /48: each counted alone, against its own threshold. */
    private final List<Tier> tiers;

    /**
     * The counts of one tier. {@code addressSeen} refuses the second sighting of one (network, address)
     * pair, so that only new addresses are counted.
     */
    private record Tier(Function<String, Optional<String>> networkOf, int multiple, Limiter addressSeen,
                        Limiter addressesPerIp, Limiter rejectedPerIp) {
    }

    public Signals(Database db, Cases cases, SignalSettings settings, RateLimits.Windows windows) {
        this.db = db;
        this.cases = cases;
        this.settings = settings;
        this.tiers = List.of(tier(windows, "", 1, ip -> Optional.ofNullable(network(ip))),
                tier(windows, "-48", RateLimits.SITE_MULTIPLE,
                        ip -> ip == null ? Optional.empty() : ClientNetwork.site(ip)));
    }

    private Tier tier(RateLimits.Windows windows, String suffix, int multiple,
                      Function<String, Optional<String>> networkOf) {
        return new Tier(networkOf, multiple,
                windows.limiter("signal-address-seen" + suffix, 1, settings.window(), UnaryOperator.identity()),
                windows.limiter("signal-addresses-per-ip" + suffix, settings.addressesPerIp() * multiple - 1,
                        settings.window(), UnaryOperator.identity()),
                windows.limiter("signal-rejected-per-ip" + suffix, settings.rejectedTokensPerIp() * multiple - 1,
                        settings.window(), UnaryOperator.identity()));
    }

    /** A reset was asked for {@code email} from {@code clientIp}. */
    public void resetAsked(String clientIp, String email) {
        for (Tier tier : tiers) {
            tier.networkOf().apply(clientIp).ifPresent(network -> {
                if (tier.addressSeen().hit(network + " " + Tokens.sha256(email)).allowed()
                        && !tier.addressesPerIp().hit(network).allowed()) {
                    int count = settings.addressesPerIp() * tier.multiple();
                    raise(Signal.MANY_ADDRESSES_FROM_IP, null, network, "One client network asked resets for "
                            + count + " or more different addresses within " + settings.window(),
                            "count=" + count + " window=" + settings.window());
                }
            });
        }
    }

    /** A reset or report token from {@code clientIp} was refused. */
    public void tokenRejected(String clientIp) {
        for (Tier tier : tiers) {
            tier.networkOf().apply(clientIp).ifPresent(network -> {
                if (!tier.rejectedPerIp().hit(network).allowed()) {
                    int count = settings.rejectedTokensPerIp() * tier.multiple();
                    raise(Signal.MANY_REJECTED_TOKENS_FROM_IP, null, network, "One client network had "
                            + count + " or more tokens refused within " + settings.window(),
                            "count=" + count + " window=" + settings.window());
                }
            });
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
     * Whether a case for this burst is open: about the same account, or about the same network, where
     * an IPv6 network counts as its /48 (a spray over many /64s of one customer is one case).
     */
    private boolean open(DbExecute tx, Signal signal, Long userId, String network) {
        return Optional.ofNullable(userId == null ? network : null).flatMap(Signals::sitePrefix)
                .map(prefix -> cases.signalOpenWithin(tx, signal, prefix, settings.window()))
                .orElseGet(() -> cases.signalOpen(tx, signal, userId, network, settings.window()));
    }

    /** How every network in an IPv6 network's /48 is written first ({@code 2001:db8:1:}); empty for IPv4. */
    static Optional<String> sitePrefix(String network) {
        int slash = network.indexOf('/');
        return ClientNetwork.site(slash < 0 ? network : network.substring(0, slash))
                .map(site -> String.join(":", List.of(site.split(":")).subList(0, 3)) + ":");
    }

    /**
     * Opens the case unless one is open for this burst, and logs it. A failure here is logged and
     * swallowed: noticing must never break the request or the email it watches.
     */
    private void raise(Signal signal, Long userId, String network, String summary, String fields) {
        try {
            Optional<Long> opened = db.inTransaction(tx -> open(tx, signal, userId, network) ? Optional.empty()
                    : Optional.of(cases.open(tx, Cases.Kind.SIGNAL, signal, summary, userId, network)));
            opened.ifPresent(id -> LOG.warning(() -> "signal=" + signal + " case=" + id + " ip=" + network + " "
                    + fields));
        } catch (RuntimeException e) {
            LOG.warning(() -> "signal=" + signal + " not recorded: " + e.getClass().getName());
        }
    }
}
