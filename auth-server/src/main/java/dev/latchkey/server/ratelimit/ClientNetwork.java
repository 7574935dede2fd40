package dev.latchkey.server.ratelimit;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

import dev.latchkey.server.http.IpRange;

/**
 * The key a per-client limit counts under: an IPv4 address as it is, an IPv6 address by its /64. One
 * IPv6 customer is usually given a whole /64, so keying by the full address would hand an attacker
 * 2^64 fresh budgets.
 */
public final class ClientNetwork {
    private ClientNetwork() {
    }

    public static String of(String ip) {
        return IpRange.literal(ip)
                .filter(Inet6Address.class::isInstance)
                .map(ClientNetwork::slash64)
                .orElse(ip);
    }

    private static String slash64(InetAddress address) {
        byte[] network = Arrays.copyOf(Arrays.copyOf(address.getAddress(), 8), 16);
        try {
            return InetAddress.getByAddress(network).getHostAddress() + "/64";
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
