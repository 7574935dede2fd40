package dev.latchkey.server.support;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A self-signed certificate for 127.0.0.1 and localhost, made at test time by the JDK's keytool: a
 * PKCS#12 key store for the server ({@code server.tls}) and the certificate alone as PEM, as an
 * operator would hand it to the desktop's {@code --ca-cert}.
 */
public record TestCertificate(Path keyStore, String password, Path pem) {
    private static final String ALIAS = "latchkey";
    private static TestCertificate shared;

    /** The one certificate of this JVM's tests: keytool takes a second or two, and any test may use it. */
    public static synchronized TestCertificate shared() {
        if (shared == null) {
            shared = create();
        }
        return shared;
    }

    private static TestCertificate create() {
        Path dir;
        try {
            dir = Files.createTempDirectory("latchkey-tls");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Path keyStore = dir.resolve("server.p12");
        Path pem = dir.resolve("server.pem");
        // Deleted at exit in the reverse order: the files, then their folder.
        for (Path path : new Path[] {dir, keyStore, pem}) {
            path.toFile().deleteOnExit();
        }
        String password = "test-store-password";
        keytool("-genkeypair", "-alias", ALIAS, "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=latchkey-test", "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-validity", "2",
                "-storetype", "PKCS12", "-keystore", keyStore.toString(), "-storepass", password);
        keytool("-exportcert", "-rfc", "-alias", ALIAS, "-keystore", keyStore.toString(),
                "-storepass", password, "-file", pem.toString());
        return new TestCertificate(keyStore, password, pem);
    }

    /** The settings that make a server speak TLS with this certificate. */
    public Map<String, String> serverSettings() {
        return Map.of("server.tls.private-key.keystore.resource.path", keyStore.toString(),
                "server.tls.private-key.keystore.passphrase", password,
                "server.tls.private-key.keystore.key.alias", ALIAS);
    }

    /** A TLS context that trusts this certificate and nothing else. */
    public SSLContext trustingIt() {
        try (InputStream in = Files.newInputStream(keyStore)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password.toCharArray());
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void keytool(String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("keytool failed: " + output);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
