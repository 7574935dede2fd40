package dev.latchkey.server.http;

import java.util.List;

import javax.net.ssl.SSLParameters;

import io.helidon.common.tls.Tls;
import io.helidon.config.Config;

/**
 * The web server's TLS: the key from {@code server.tls}, and what the product allows around it, which
 * configuration does not change. TLS 1.3 and TLS 1.2; in TLS 1.2 only ECDHE with an AEAD cipher (GCM,
 * ChaCha20-Poly1305), so no CBC suite (LUCKY13) and no RSA key exchange; the server's order of
 * preference, not the client's; and no renegotiation asked for by a client (a cheap way to make the
 * server do a handshake's work again and again).
 */
public final class ServerTls {
    static final List<String> PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");
    /** Mozilla's "intermediate" order, without the finite-field DHE suites. */
    static final List<String> CIPHER_SUITES = List.of(
            "TLS_AES_128_GCM_SHA256",
            "TLS_AES_256_GCM_SHA384",
            "TLS_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256");
    private static final String REJECT_RENEGOTIATION = "jdk.tls.rejectClientInitiatedRenegotiation";

    private ServerTls() {
    }

    /** The TLS of {@code tls} (the {@code server.tls} node), held to the protocols and suites above. */
    public static Tls create(Config tls) {
        refuseClientRenegotiation();
        SSLParameters parameters = new SSLParameters(CIPHER_SUITES.toArray(String[]::new),
                PROTOCOLS.toArray(String[]::new));
        parameters.setUseCipherSuitesOrder(true);
        return Tls.builder().config(tls).sslParameters(parameters).build();
    }

    /**
     * The JDK has no per-socket switch for this, only a property it reads once, when the JVM's first
     * server handshake loads its class: so it is set before the listener exists, by whichever start path
     * (the server's main, a test, the desktop's embedded server) gets here, and by any other TLS server
     * in the same JVM that may shake hands first.
     */
    public static void refuseClientRenegotiation() {
        System.setProperty(REJECT_RENEGOTIATION, "true");
    }
}
