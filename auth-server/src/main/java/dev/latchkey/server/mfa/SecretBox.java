package dev.latchkey.server.mfa;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals the second factors' keys with AES-256-GCM before they reach the database. The account's id is
 * the associated data, so a sealed key copied onto another account's row does not open there. A sealed
 * value is {@code v1:} and the Base64 of a fresh 12-byte nonce followed by the ciphertext and its tag.
 */
public final class SecretBox {
    public static final String KEY_FILE = "mfa.key";
    private static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final String PREFIX = "v1:";

    private final SecretKey key;
    private final SecureRandom random = new SecureRandom();

    private SecretBox(byte[] key) {
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException("auth.mfa.key must be " + KEY_BYTES + " bytes in Base64, not "
                    + key.length);
        }
        this.key = new SecretKeySpec(key, "AES");
    }

    public static SecretBox of(byte[] key) {
        return new SecretBox(key);
    }

    /**
     * The box of {@code auth.mfa.key} when it is set. Else, on a database of one server (Derby), of the
     * key file in the data folder, made owner-only on first start; instances sharing a database must
     * share the key, so there it must be configured.
     */
    public static SecretBox load(Optional<String> configuredKey, Path dataDir, boolean sharedDatabase) {
        if (configuredKey.isPresent()) {
            return new SecretBox(decode(configuredKey.get(), "auth.mfa.key"));
        }
        if (sharedDatabase) {
            throw new IllegalStateException("auth.mfa.key is not set: instances that share a PostgreSQL database"
                    + " seal second factors with one key. Set it to 32 random bytes in Base64"
                    + " (openssl rand -base64 32), the same on every instance.");
        }
        return new SecretBox(decode(keyFile(dataDir.resolve(KEY_FILE)), dataDir.resolve(KEY_FILE).toString()));
    }

    public String seal(byte[] plain, long userId) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, nonce, userId);
            byte[] sealed = cipher.doFinal(plain);
            return PREFIX + Base64.getEncoder().encodeToString(ByteBuffer.allocate(NONCE_BYTES + sealed.length)
                    .put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** The plain bytes, or an exception when the value was not sealed with this key for this account. */
    public byte[] open(String sealed, long userId) {
        if (!sealed.startsWith(PREFIX)) {
            throw new IllegalStateException("Not a sealed second factor");
        }
        byte[] bytes = Base64.getDecoder().decode(sealed.substring(PREFIX.length()));
        try {
            byte[] nonce = Arrays.copyOf(bytes, NONCE_BYTES);
            return cipher(Cipher.DECRYPT_MODE, nonce, userId).doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A second factor's key does not open with auth.mfa.key: was the key"
                    + " changed, or the row copied from another account?", e);
        }
    }

    private Cipher cipher(int mode, byte[] nonce, long userId) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(("app_user:" + userId).getBytes(StandardCharsets.US_ASCII));
        return cipher;
    }

    /** The key file's Base64 text, written first (owner-only, atomically) if there is none. */
    private static String keyFile(Path file) {
        try {
            if (!Files.exists(file)) {
                byte[] key = new byte[KEY_BYTES];
                new SecureRandom().nextBytes(key);
                Path temp = Files.createTempFile(file.getParent(), ".mfa", ".key");
                try {
                    restrict(temp);
                    Files.writeString(temp, Base64.getEncoder().encodeToString(key) + "\n", StandardOpenOption.WRITE);
                    // Two servers starting on one new folder: the first key written stays.
                    Files.createLink(file, temp);
                } catch (FileAlreadyExistsException raced) {
                    // The other one's key is the key.
                } finally {
                    Files.deleteIfExists(temp);
                }
            }
            return Files.readString(file).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the second factors' key " + file, e);
        }
    }

    private static void restrict(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system: the data folder's own rights protect it.
        }
    }

    private static byte[] decode(String base64, String where) {
        try {
            return Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + " is not Base64", e);
        }
    }
}
