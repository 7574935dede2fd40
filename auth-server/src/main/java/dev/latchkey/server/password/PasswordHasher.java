package dev.latchkey.server.password;

/** Turns passwords into stored hashes and checks passwords against them. */
public interface PasswordHasher {
    String hash(String password);

    boolean matches(String password, String encoded);

    /** True when {@code encoded} is not in the current algorithm or with the current parameters. */
    boolean needsRehash(String encoded);
}
