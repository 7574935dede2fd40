package dev.latchkey.server.http;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.List;
import java.util.stream.Stream;

import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;

/**
 * The client's IP: the socket's peer, unless that peer is a trusted proxy (an address or a CIDR range
 * in {@code auth.trusted-proxies}); only then is {@code X-Forwarded-For} believed, read from the right,
 * skipping the trusted proxies it names.
 */
public final class ClientIp {
    /** RFC 7239's header: Latchkey reads X-Forwarded-For, but a request carrying this one was forwarded too. */
    private static final HeaderName FORWARDED = HeaderNames.create("Forwarded");
    private final List<IpRange> trustedProxies;

    public ClientIp(List<String> trustedProxies) {
        this.trustedProxies = trustedProxies.stream().map(IpRange::parse).toList();
    }

    public String of(ServerRequest request) {
        String peer = peerAddress(request.remotePeer().address());
        if (!isTrusted(peer)) {
            return peer;
        }
        List<String> forwarded = hops(request.headers().all(HeaderNames.X_FORWARDED_FOR, List::of));
        for (int i = forwarded.size() - 1; i >= 0; i--) {
            String hop = canonical(forwarded.get(i));
            if (!hop.isEmpty() && !isTrusted(hop)) {
                return hop;
            }
        }
        return peer;
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

    /** An IP literal in its canonical text form; anything else kept as given, cut to 45 characters. */
    private static String canonical(String ip) {
        return IpRange.literal(ip).map(InetAddress::getHostAddress)
                .orElse(ip.length() > 45 ? ip.substring(0, 45) : ip);
    }
}
