package dev.latchkey.server.http;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/** An address or a CIDR range ({@code 10.0.0.0/8}, {@code fd00::/8}), as {@code auth.trusted-proxies} lists them. */
public record IpRange(byte[] network, int prefix) {
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    /** Parses {@code address} or {@code address/prefix}; refuses anything else, so a typo cannot trust the world. */
    public static IpRange parse(String text) {
        String[] parts = text.strip().split("/", 2);
        InetAddress address = literal(parts[0]).orElseThrow(() ->
                new IllegalArgumentException("auth.trusted-proxies: not an IP address or CIDR range: " + text));
        int bits = address.getAddress().length * 8;
        int prefix;
        try {
            prefix = parts.length == 2 ? Integer.parseInt(parts[1]) : bits;
        } catch (NumberFormatException e) {
            prefix = -1;
        }
        if (prefix < 0 || prefix > bits) {
            throw new IllegalArgumentException("auth.trusted-proxies: bad prefix length in " + text);
        }
        return new IpRange(address.getAddress(), prefix);
    }

    /**
     * An IP literal as an address; empty for anything else. Only digits, dots and colons reach
     * {@code getByName}, which parses literals without asking DNS.
     */
    public static Optional<InetAddress> literal(String text) {
        String s = text.strip();
        if (s.startsWith("[") && s.endsWith("]")) {
            s = s.substring(1, s.length() - 1);
        }
        if (s.length() > 45 || !(IPV4.matcher(s).matches() || IPV6.matcher(s).matches())) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(s));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    public boolean contains(InetAddress address) {
        byte[] candidate = address.getAddress();
        if (candidate.length != network.length) {
            return false;
        }
        int full = prefix / 8;
        for (int i = 0; i < full; i++) {
            if (candidate[i] != network[i]) {
                return false;
            }
        }
        int rest = prefix % 8;
        if (rest == 0) {
            return true;
        }
        int mask = 0xFF << (8 - rest) & 0xFF;
        return (candidate[full] & mask) == (network[full] & mask);
    }
}
