package dev.latchkey.server.ratelimit;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Optional;

import dev.latchkey.server.http.IpRange;

/**
 * The key a per-client limit counts under: an IPv4 address as it is, an IPv6 address by its /64. One
 * IPv6 customer is usually given a whole /64, so keying by the full address would hand an attacker
 * 2^64 fresh budgets. Many are given a /56 or a /48, so an IPv6 client also counts under its /48
 * ({@link #site}), which has a budget of its own.
 */
public final class ClientNetwork {
    private ClientNetwork() {
    }

    public static String of(String ip) {
        return IpRange.literal(ip)
                .filter(Inet6Address.class::isInstance)
                .map(address -> prefix(address, 64))
                .orElse(ip);
    }

    /** An IPv6 address's /48, {@code 2001:db8:1:0:0:0:0:0/48}; empty for IPv4 and for what is not an address. */
    public static Optional<String> site(String ip) {
        return IpRange.literal(ip)
                .filter(Inet6Address.class::isInstance)
                .map(address -> prefix(address, 48));
    }

    private static String prefix(InetAddress address, int bits) {
        byte[] network = Arrays.copyOf(Arrays.copyOf(address.getAddress(), bits / 8), 16);
        try {
            return InetAddress.getByAddress(network).getHostAddress() + "/" + bits;
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
