package dev.latchkey.server.http;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.List;
import java.util.stream.Stream;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;

/**
 * The client's IP: the socket's peer, unless that peer is a trusted proxy (an address or a CIDR range
 * in {@code auth.trusted-proxies}); only then is {@code X-Forwarded-For} believed, read from the right,
 * skipping the trusted proxies it names.
 */
public final class ClientIp {
    private final List<IpRange> trustedProxies;

    public ClientIp(List<String> trustedProxies) {
        this.trustedProxies = trustedProxies.stream().map(IpRange::parse).toList();
    }

    public String of(ServerRequest request) {
        String peer = peerAddress(request.remotePeer().address());
        if (!isTrusted(peer)) {
            return peer;
        }
        List<String> forwarded = request.headers().all(HeaderNames.X_FORWARDED_FOR, List::of).stream()
                .flatMap(value -> Stream.of(value.split(",")))
                .toList();
        for (int i = forwarded.size() - 1; i >= 0; i--) {
            String hop = canonical(forwarded.get(i).strip());
            if (!hop.isEmpty() && !isTrusted(hop)) {
                return hop;
            }
        }
        return peer;
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
