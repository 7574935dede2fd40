package dev.latchkey.server.http;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HexFormat;
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
     * An IP literal as an address; empty for anything else. Never asks DNS: text that is not a valid
     * literal would make {@code getByName} look it up as a name ("999.999.999.999" does), and this text
     * comes from clients. IPv4 is parsed here; only text with a colon, which {@code getByName} parses as
     * an IPv6 literal or refuses, reaches it.
     */
    public static Optional<InetAddress> literal(String text) {
        String s = text.strip();
        if (s.startsWith("[") && s.endsWith("]")) {
            s = s.substring(1, s.length() - 1);
        }
        if (s.length() > 45) {
            return Optional.empty();
        }
        try {
            if (IPV4.matcher(s).matches()) {
                return ipv4(s);
            }
            return IPV6.matcher(s).matches() ? Optional.of(InetAddress.getByName(s)) : Optional.empty();
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    private static Optional<InetAddress> ipv4(String dotted) throws UnknownHostException {
        String[] parts = dotted.split("\\.");
        byte[] address = new byte[4];
        for (int i = 0; i < 4; i++) {
            int octet = Integer.parseInt(parts[i]);
            if (octet > 255) {
                return Optional.empty();
            }
            address[i] = (byte) octet;
        }
        return Optional.of(InetAddress.getByAddress(address));
    }

    /**
     * An address as fixed-width hex digits (32 for IPv6), which sort as the addresses do: the addresses of
     * a range are the hex strings from {@link #firstHex()} to {@link #lastHex()}.
     */
    public static String hex(InetAddress address) {
        return HexFormat.of().formatHex(address.getAddress());
    }

    /** The range's first address, as {@link #hex}. */
    public String firstHex() {
        return HexFormat.of().formatHex(bounded(false));
    }

    /** The range's last address, as {@link #hex}. */
    public String lastHex() {
        return HexFormat.of().formatHex(bounded(true));
    }

    /** The network's address with every bit past the prefix cleared, or set. */
    private byte[] bounded(boolean set) {
        byte[] bound = network.clone();
        for (int bit = prefix; bit < bound.length * 8; bit++) {
            int mask = 0x80 >>> (bit % 8);
            bound[bit / 8] = (byte) (set ? bound[bit / 8] | mask : bound[bit / 8] & ~mask);
        }
        return bound;
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
