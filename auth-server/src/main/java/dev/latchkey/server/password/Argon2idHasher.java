package dev.latchkey.server.password;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id via Bouncy Castle, stored as a PHC string:
 * {@code $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>} (unpadded base64).
 */
public final class Argon2idHasher implements PasswordHasher {
    /** OWASP's first recommended set: 19 MiB, 2 iterations, 1 lane. */
    public static final int MEMORY_KIB = 19 * 1024;
    public static final int ITERATIONS = 2;
    public static final int PARALLELISM = 1;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final String PREFIX = "$argon2id$v=19$";

    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getDecoder();
    private final SecureRandom random = new SecureRandom();
    /**
     * The 1 KiB blocks of a hash's 19 MiB, kept for the next hash (cleared in between) instead of
     * allocated anew: on bin/server's small heap the garbage of every sign-in cost more time in
     * the collector than the hash itself (JFR: 11 s of pauses in 22 s of sign-ins). Dropped once no
     * hash has run for {@code idle}: kept for good, they were two thirds of what the server's heap
     * held live (40 MiB on two cores), and the collector went through them on every full collection
     * while reset requests, which hash nothing, kept it busy.
     */
    private final AtomicReference<Argon2BytesGenerator.BlockPool> blocks = new AtomicReference<>();
    private final int poolBlocks;
    private final long idleNanos;
    private final AtomicInteger hashing = new AtomicInteger();
    private final AtomicBoolean dropPlanned = new AtomicBoolean();
    private volatile long lastDone;

    /** @param concurrentHashes how many hashes may run at once: the pool keeps that many hashes' blocks */
    public Argon2idHasher(int concurrentHashes) {
        this(concurrentHashes, Duration.ofSeconds(10));
    }

    Argon2idHasher(int concurrentHashes, Duration idle) {
        this.poolBlocks = concurrentHashes * Argon2BytesGenerator.getBlockCount(MEMORY_KIB, PARALLELISM);
        this.idleNanos = idle.toNanos();
    }

    /** Whether the blocks of earlier hashes are being kept. */
    boolean keepsBlocks() {
        return blocks.get() != null;
    }

    @Override
    public String hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] hash = derive(password, salt, MEMORY_KIB, ITERATIONS, PARALLELISM, HASH_BYTES);
        return PREFIX + "m=" + MEMORY_KIB + ",t=" + ITERATIONS + ",p=" + PARALLELISM
                + "$" + B64.encodeToString(salt) + "$" + B64.encodeToString(hash);
    }

    @Override
    public boolean matches(String password, String encoded) {
        Phc phc = Phc.parse(encoded);
        if (phc == null) {
            return false;
        }
        byte[] actual = derive(password, phc.salt, phc.memory, phc.iterations, phc.parallelism, phc.hash.length);
        return MessageDigest.isEqual(actual, phc.hash);
    }

    @Override
    public boolean needsRehash(String encoded) {
        Phc phc = Phc.parse(encoded);
        return phc == null || phc.memory != MEMORY_KIB || phc.iterations != ITERATIONS
                || phc.parallelism != PARALLELISM || phc.hash.length != HASH_BYTES;
    }

    static boolean handles(String encoded) {
        return encoded != null && encoded.startsWith(PREFIX);
    }

    private byte[] derive(String password, byte[] salt, int memory, int iterations, int parallelism, int length) {
        hashing.incrementAndGet();
        try {
            Argon2Parameters params = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                    .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                    .withMemoryAsKB(memory)
                    .withIterations(iterations)
                    .withParallelism(parallelism)
                    .withSalt(salt)
                    .withBlockPool(blocks.updateAndGet(
                            pool -> pool != null ? pool : new Argon2BytesGenerator.FixedBlockPool(poolBlocks)))
                    .build();
            Argon2BytesGenerator generator = new Argon2BytesGenerator();
            generator.init(params);
            byte[] out = new byte[length];
            generator.generateBytes(password.getBytes(StandardCharsets.UTF_8), out);
            return out;
        } finally {
            lastDone = System.nanoTime();
            hashing.decrementAndGet();
            planDrop(idleNanos);
        }
    }

    /** One check at a time, through the JDK's shared delay scheduler: no thread kept per hasher. */
    private void planDrop(long afterNanos) {
        if (dropPlanned.compareAndSet(false, true)) {
            CompletableFuture.delayedExecutor(afterNanos, TimeUnit.NANOSECONDS).execute(this::dropIfIdle);
        }
    }

    private void dropIfIdle() {
        dropPlanned.set(false);
        long idleFor = System.nanoTime() - lastDone;
        if (hashing.get() == 0 && idleFor >= idleNanos) {
            // A hash that took the pool just now keeps using it; the next one makes a new pool.
            blocks.set(null);
        } else {
            planDrop(Math.max(idleNanos - idleFor, idleNanos / 10));
        }
    }

    private record Phc(int memory, int iterations, int parallelism, byte[] salt, byte[] hash) {
        static Phc parse(String encoded) {
            if (!handles(encoded)) {
                return null;
            }
            String[] parts = encoded.substring(PREFIX.length()).split("\\$");
            if (parts.length != 3) {
                return null;
            }
            try {
                int memory = 0;
                int iterations = 0;
                int parallelism = 0;
                for (String param : parts[0].split(",")) {
                    String[] kv = param.split("=", 2);
                    int value = Integer.parseInt(kv[1]);
                    switch (kv[0]) {
                        case "m" -> memory = value;
                        case "t" -> iterations = value;
                        case "p" -> parallelism = value;
                        default -> {
                            return null;
                        }
                    }
                }
                // Refuse parameters no hash of ours has, so a tampered row cannot make us allocate gigabytes.
                if (memory < 8 || memory > 256 * 1024 || iterations < 1 || iterations > 10 || parallelism < 1
                        || parallelism > 4) {
                    return null;
                }
                return new Phc(memory, iterations, parallelism, B64D.decode(parts[1]), B64D.decode(parts[2]));
            } catch (RuntimeException e) {
                return null;
            }
        }
    }
}
