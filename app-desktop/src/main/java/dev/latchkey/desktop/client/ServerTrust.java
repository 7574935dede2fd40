package dev.latchkey.desktop.client;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * {@code --ca-cert FILE}: the certificates a private certificate authority gave out (PEM or DER, one
 * or several), trusted instead of the system's for the server's certificate. The host name is still
 * checked against the certificate, as for any HTTPS address.
 */
public final class ServerTrust {
    private ServerTrust() {
    }

    /** A TLS context trusting the certificates in {@code file}; a clear IllegalArgumentException otherwise. */
    public static SSLContext trusting(Path file) {
        Collection<? extends Certificate> certificates;
        try (InputStream in = Files.newInputStream(file)) {
            certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
        } catch (IOException e) {
            throw new IllegalArgumentException("--ca-cert: cannot read " + file + ".", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("--ca-cert: " + file + " holds no certificate (PEM or DER).", e);
        }
        if (certificates.isEmpty()) {
            throw new IllegalArgumentException("--ca-cert: " + file + " holds no certificate (PEM or DER).");
        }
        try {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int n = 0;
            for (Certificate certificate : certificates) {
                store.setCertificateEntry("ca-" + n++, certificate);
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("The JDK cannot make a TLS context", e);
        }
    }
}
