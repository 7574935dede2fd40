package dev.latchkey.server.http;

import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;

import dev.latchkey.api.ErrorCode;

/**
 * Answers only requests whose {@code Host} names this server ({@code server.allowed-hosts}): a web page
 * that rebinds its own name to 127.0.0.1 (DNS rebinding) reaches the desktop's embedded server with
 * its own name in {@code Host}, and gets 421 instead of the API.
 */
public final class AllowedHosts implements Filter {
    /** Names that always mean this machine. */
    public static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "::1");

    /** Whether {@code host}, a name or an address literal, is this machine: traffic to it stays on it. */
    public static boolean isLoopbackName(String host) {
        return host != null && (LOOPBACK.contains(host.toLowerCase(Locale.ROOT)) || ClientIp.isLoopback(host));
    }

    private final Set<String> hosts;

    public AllowedHosts(Collection<String> hosts) {
        this.hosts = hosts.stream().map(AllowedHosts::normalize).collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest request, RoutingResponse response) {
        if (allows(request.authority())) {
            chain.proceed();
            return;
        }
        ErrorHandling.refusal(request, response, ApiException.of(ErrorCode.MISDIRECTED_REQUEST, "api.misdirected"));
    }

    /** Whether a {@code Host} header value ({@code name}, {@code name:port}, {@code [v6]:port}) is allowed. */
    boolean allows(String authority) {
        if (authority == null || authority.isBlank()) {
            return false;
        }
        String host = authority.strip();
        if (host.startsWith("[")) {
            int end = host.indexOf(']');
            host = end < 0 ? host : host.substring(1, end);
        } else if (host.indexOf(':') == host.lastIndexOf(':') && host.contains(":")) {
            host = host.substring(0, host.indexOf(':'));
        }
        return hosts.contains(normalize(host));
    }

    private static String normalize(String host) {
        String h = host.strip().toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
    }
}
