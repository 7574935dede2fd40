package dev.latchkey.server.http;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.net.SocketAddress;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;

/**
 * The client's IP: the socket's peer, unless that peer is a trusted proxy; only then is
 * {@code X-Forwarded-For} believed, read from the right, skipping the trusted proxies it names.
 */
public final class ClientIp {
    private final Set<String> trustedProxies;

    public ClientIp(List<String> trustedProxies) {
        this.trustedProxies = trustedProxies.stream().map(ClientIp::canonical).collect(Collectors.toUnmodifiableSet());
    }

    public String of(ServerRequest request) {
        String peer = peerAddress(request.remotePeer().address());
        if (!trustedProxies.contains(peer)) {
            return peer;
        }
        List<String> forwarded = request.headers().all(HeaderNames.X_FORWARDED_FOR, List::of).stream()
                .flatMap(value -> Stream.of(value.split(",")))
                .toList();
        for (int i = forwarded.size() - 1; i >= 0; i--) {
            String hop = canonical(forwarded.get(i).strip());
            if (!hop.isEmpty() && !trustedProxies.contains(hop)) {
                return hop;
            }
        }
        return peer;
    }

    private static String peerAddress(SocketAddress address) {
        if (address instanceof InetSocketAddress inet && inet.getAddress() != null) {
            return inet.getAddress().getHostAddress();
        }
        return String.valueOf(address);
    }

    /**
     * An IPv6 literal in its canonical text form; anything else kept as given, cut to 45 characters.
     * Only strings with a colon and hex digits reach {@code getByName}, which parses those without DNS.
     */
    private static String canonical(String ip) {
        if (ip.length() > 45) {
            return ip.substring(0, 45);
        }
        if (!ip.contains(":") || !ip.matches("[0-9A-Fa-f:.]+")) {
            return ip;
        }
        try {
            return InetAddress.getByName(ip).getHostAddress();
        } catch (UnknownHostException e) {
            return ip;
        }
    }
}
