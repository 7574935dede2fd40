package dev.latchkey.server.http;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;

/**
 * The client's IP: the socket's peer, unless that peer is a trusted proxy (an address or a CIDR range
 * in {@code auth.trusted-proxies}); only then is {@code X-Forwarded-For} believed, read from the right,
 * skipping the trusted proxies it names. An entry with a port counts as its address; an entry that is
 * no address at all ({@code unknown}, a name) is no client: the proxy that passed it on is.
 */
public final class ClientIp {
    private static final Logger LOG = Logger.getLogger(ClientIp.class.getName());
    /** RFC 7239's header: Latchkey reads X-Forwarded-For, but a request carrying this one was forwarded too. */
    private static final HeaderName FORWARDED = HeaderNames.create("Forwarded");
    /** {@code 192.0.2.1:5678} or {@code [2001:db8::1]:443}, as some proxies write their client. */
    private static final Pattern WITH_PORT =
            Pattern.compile("(\\d{1,3}(?:\\.\\d{1,3}){3}|\\[[0-9A-Fa-f:.]+])(?::\\d{1,5})?");
    private final List<IpRange> trustedProxies;
    /** A proxy on this machine left out of the list makes every client one: said once, not per request. */
    private final AtomicBoolean untrustedLocalProxyLogged = new AtomicBoolean();

    public ClientIp(List<String> trustedProxies) {
        this.trustedProxies = trustedProxies.stream().map(IpRange::parse).toList();
    }

    public String of(ServerRequest request) {
        String peer = peerAddress(request.remotePeer().address());
        if (!isTrusted(peer)) {
            warnIfForwardedByAnUntrustedLocalProxy(peer, request);
            return peer;
        }
        List<String> forwarded = hops(request.headers().all(HeaderNames.X_FORWARDED_FOR, List::of));
        String relay = peer;
        for (int i = forwarded.size() - 1; i >= 0; i--) {
            if (forwarded.get(i).isEmpty()) {
                continue;
            }
            Optional<String> hop = address(forwarded.get(i));
            if (hop.isEmpty()) {
                // Not an address: no key of its own, or "unknown" would be one client and a name per request many.
                return relay;
            }
            if (!isTrusted(hop.get())) {
                return hop.get();
            }
            relay = hop.get();
        }
        return peer;
    }

    private void warnIfForwardedByAnUntrustedLocalProxy(String peer, ServerRequest request) {
        if (isLoopback(peer) && (request.headers().contains(HeaderNames.X_FORWARDED_FOR)
                || request.headers().contains(FORWARDED))
                && untrustedLocalProxyLogged.compareAndSet(false, true)) {
            LOG.warning("A request from this machine (" + peer + ") was forwarded for another client, but"
                    + " auth.trusted-proxies does not name " + peer + ": every client of that proxy shares one"
                    + " budget of every per-IP limit. List the proxy in auth.trusted-proxies.");
        }
    }

    /**
     * Whether the request comes from this machine itself: from a loopback socket, and, if forwarded at
     * all, only through loopback hops. Not {@code isLoopback(of(request))}: a trusted proxy range
     * could then claim 127.0.0.1 in X-Forwarded-For, and a proxy on this machine left out of
     * {@code auth.trusted-proxies} would pass every client's request off as local.
     */
    public boolean isThisMachine(ServerRequest request) {
        return isThisMachine(peerAddress(request.remotePeer().address()),
                request.headers().all(HeaderNames.X_FORWARDED_FOR, List::of),
                request.headers().contains(FORWARDED));
    }

    static boolean isThisMachine(String peer, List<String> forwardedFor, boolean forwarded) {
        return isLoopback(peer) && !forwarded && hops(forwardedFor).stream().allMatch(ClientIp::isLoopback);
    }

    /** Every hop the X-Forwarded-For lines name, in order: a line may name several, comma-separated. */
    private static List<String> hops(List<String> forwardedFor) {
        return forwardedFor.stream().flatMap(value -> Stream.of(value.split(","))).map(String::strip).toList();
    }

    /** Whether {@code ip} (as {@link #of} returns it) is this machine. */
    public static boolean isLoopback(String ip) {
        return IpRange.literal(ip).map(InetAddress::isLoopbackAddress).orElse(false);
    }

    private boolean isTrusted(String ip) {
        return IpRange.literal(ip).map(a -> trustedProxies.stream().anyMatch(r -> r.contains(a))).orElse(false);
    }

    private static String peerAddress(SocketAddress address) {
        if (address instanceof InetSocketAddress inet && inet.getAddress() != null) {
            return inet.getAddress().getHostAddress();
        }
        return String.valueOf(address);
    }

    /** A forwarded entry's address in its canonical text form, without the port it may carry; empty for the rest. */
    private static Optional<String> address(String hop) {
        Matcher withPort = WITH_PORT.matcher(hop);
        return IpRange.literal(withPort.matches() ? withPort.group(1) : hop).map(InetAddress::getHostAddress);
    }
}
