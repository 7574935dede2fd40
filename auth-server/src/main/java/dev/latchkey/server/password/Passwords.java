package dev.latchkey.server.password;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;

import dev.latchkey.password.PasswordPolicy;
import dev.latchkey.server.token.Tokens;

/**
 * The server's password hashing: Argon2id for new hashes, bcrypt still accepted (and reported as
 * needing a re-hash), passwords NFKC-normalized first. At most {@code permits} hashes run at once, so a
 * flood of sign-ins waits instead of exhausting memory (each Argon2id hash takes 19 MiB).
 */
public final class Passwords implements PasswordHasher {
    private static final int BCRYPT_MAX_BYTES = 72;

    private final Argon2idHasher argon2;
    private final int maxConcurrent;
    private final Semaphore permits;
    private final Consumer<Duration> waited;
    /**
     * The hash of a random password, thrown away when this was made: checking a password against it
     * costs what a real check costs. A constant, so that no start computes one (it took a core for a
     * third of a start-up); {@code PasswordsTest} keeps it on the current parameters.
     */
    static final String DUMMY_HASH =
            "$argon2id$v=19$m=19456,t=2,p=1$RwoVhQzmNSdwElu4G/8/UQ$m8pbht8EsY9h2rcsby+G5AuvutALc8AT52eQ+EsYlRg";
    /** A password no one has: checked against a bcrypt hash to spend a real check's time. */
    private final char[] bcryptDecoy = Tokens.newSessionToken().toCharArray();

    public Passwords(int maxConcurrentHashes) {
        this(maxConcurrentHashes, waited -> { });
    }

    /** {@code waited} hears how long each hash or check waited for a slot (the server's metrics). */
    public Passwords(int maxConcurrentHashes, Consumer<Duration> waited) {
        this.waited = waited;
        int n = maxConcurrentHashes > 0 ? maxConcurrentHashes : Runtime.getRuntime().availableProcessors();
        this.maxConcurrent = n;
        this.permits = new Semaphore(n, true);
        this.argon2 = new Argon2idHasher(n);
    }

    /**
     * Starts loading Bouncy Castle on a thread of its own. Its jar is signed: the JVM checks the
     * signature when it loads the first class from it (and keeps its classes out of the start-up
     * cache), a quarter of a second of a server's start on its own. Called first thing, the check runs
     * on the other core while the configuration is read.
     */
    public static void preload() {
        Thread.ofPlatform().daemon().name("latchkey-preload").start(() -> Argon2BytesGenerator.class.getName());
    }

    @Override
    public String hash(String password) {
        return bounded(() -> argon2.hash(PasswordPolicy.normalize(password)));
    }

    @Override
    public boolean matches(String password, String encoded) {
        String normalized = PasswordPolicy.normalize(password);
        return bounded(() -> {
            if (Argon2idHasher.handles(encoded)) {
                return argon2.matches(normalized, encoded);
            }
            if (isBcrypt(encoded)) {
                if (normalized.getBytes(StandardCharsets.UTF_8).length > BCRYPT_MAX_BYTES) {
                    // bcrypt reads only 72 bytes (Bouncy Castle truncates): a longer password would match
                    // on its start and be re-hashed as the new password. It never matches; the answer
                    // still costs what a wrong password costs, or its speed would tell the account exists.
                    OpenBSDBCrypt.checkPassword(encoded, bcryptDecoy);
                    return false;
                }
                return OpenBSDBCrypt.checkPassword(encoded, normalized.toCharArray());
            }
            return false;
        });
    }

    /**
     * Spends the same work as a real check and answers false: used when there is no hash to check
     * (unknown email, no password set yet), so the answer takes as long as a wrong password.
     */
    public boolean matchesNothing(String password) {
        matches(password, DUMMY_HASH);
        return false;
    }

    @Override
    public boolean needsRehash(String encoded) {
        return !Argon2idHasher.handles(encoded) || argon2.needsRehash(encoded);
    }

    /** How many hashes are being computed right now. */
    int inFlight() {
        return maxConcurrent - permits.availablePermits();
    }

    private static boolean isBcrypt(String encoded) {
        return encoded != null && encoded.length() == 60
                && (encoded.startsWith("$2a$") || encoded.startsWith("$2b$") || encoded.startsWith("$2y$"));
    }

    private <T> T bounded(Supplier<T> work) {
        long asked = System.nanoTime();
        permits.acquireUninterruptibly();
        waited.accept(Duration.ofNanos(System.nanoTime() - asked));
        try {
            return work.get();
        } finally {
            permits.release();
        }
    }
}
