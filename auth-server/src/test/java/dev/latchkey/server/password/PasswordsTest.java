package dev.latchkey.server.password;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.bouncycastle.crypto.generators.OpenBSDBCrypt;
import org.junit.jupiter.api.Test;

class PasswordsTest {
    private final Passwords passwords = new Passwords(2);

    @Test
    void dummyHashWhenCheckedThenCostsWhatARealHashCosts() {
        assertThat(passwords.needsRehash(Passwords.DUMMY_HASH)).as("the current Argon2id parameters").isFalse();
        assertThat(passwords.matchesNothing("anything at all")).isFalse();
    }

    @Test
    void hashIsArgon2idPhcStringWithContractParameters() {
        String hash = passwords.hash("velvet tractor orbits quietly");
        assertThat(hash).matches("\\$argon2id\\$v=19\\$m=19456,t=2,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
        assertThat(passwords.hash("velvet tractor orbits quietly")).isNotEqualTo(hash);
        assertThat(passwords.needsRehash(hash)).isFalse();
    }

    @Test
    void matchesWhenSamePasswordThenTrueAndOtherwiseFalse() {
        String hash = passwords.hash("velvet tractor orbits quietly");
        assertThat(passwords.matches("velvet tractor orbits quietly", hash)).isTrue();
        assertThat(passwords.matches("velvet tractor orbits quietlY", hash)).isFalse();
        assertThat(passwords.matches("", hash)).isFalse();
    }

    @Test
    void matchesComparesNfkcForms() {
        String hash = passwords.hash("\uFB01ne print on the \u2460 page");
        assertThat(passwords.matches("fine print on the 1 page", hash)).isTrue();
    }

    @Test
    void matchesWhenBcryptThenVerifiedAndFlaggedForRehash() {
        byte[] salt = "fedcba9876543210".getBytes(StandardCharsets.US_ASCII);
        String bcrypt = OpenBSDBCrypt.generate("2y", "velvet tractor orbits quietly".toCharArray(), salt, 10);
        assertThat(passwords.matches("velvet tractor orbits quietly", bcrypt)).isTrue();
        assertThat(passwords.matches("wrong", bcrypt)).isFalse();
        assertThat(passwords.matches("x".repeat(100), bcrypt)).isFalse();
        assertThat(passwords.needsRehash(bcrypt)).isTrue();
    }

    /**
     * Bouncy Castle refuses a bcrypt check of more than 72 bytes before hashing; answering at once would
     * tell an attacker the account exists (an unknown address costs a hash). Such a check costs what a
     * wrong password costs: compared as the best of five runs, at least half of it.
     */
    @Test
    void matchesWhenBcryptAndOver72BytesThenCostsWhatAWrongPasswordCosts() {
        byte[] salt = "fedcba9876543210".getBytes(StandardCharsets.US_ASCII);
        String bcrypt = OpenBSDBCrypt.generate("2y", "velvet tractor orbits quietly".toCharArray(), salt, 10);
        long wrong = bestOfFive(() -> passwords.matches("wrong but short enough", bcrypt));
        long overLong = bestOfFive(() -> passwords.matches("x".repeat(100), bcrypt));
        assertThat(overLong).isGreaterThan(wrong / 2);
    }

    /**
     * bcrypt reads only the first 72 bytes: Bouncy Castle accepts "P" + anything for a 72-byte "P", and
     * the re-hash at sign-in would then store the longer text as the password. Over 72 bytes never
     * matches a bcrypt hash.
     */
    @Test
    void matchesWhenBcryptAndInputLongerThan72BytesThenFalseEvenIfItsStartMatches() {
        String password = "velvet tractor orbits quietly ".repeat(3).substring(0, 72);
        byte[] salt = "fedcba9876543210".getBytes(StandardCharsets.US_ASCII);
        String bcrypt = OpenBSDBCrypt.generate("2y", password.toCharArray(), salt, 4);
        assertThat(passwords.matches(password, bcrypt)).isTrue();
        assertThat(passwords.matches(password + " and more", bcrypt)).isFalse();
    }

    private static long bestOfFive(Runnable check) {
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            long start = System.nanoTime();
            check.run();
            best = Math.min(best, System.nanoTime() - start);
        }
        return best;
    }

    @Test
    void needsRehashWhenWeakerArgonParameters() {
        String hash = passwords.hash("velvet tractor orbits quietly").replace("m=19456,t=2", "m=4096,t=1");
        assertThat(passwords.needsRehash(hash)).isTrue();
    }

    @Test
    void matchesWhenTamperedOrGarbageHashThenFalse() {
        assertThat(passwords.matches("x", "$argon2id$v=19$m=99999999,t=2,p=1$AAAA$AAAA")).isFalse();
        assertThat(passwords.matches("x", "$argon2id$v=19$garbage")).isFalse();
        assertThat(passwords.matches("x", "plain text")).isFalse();
        assertThat(passwords.matches("x", null)).isFalse();
    }

    @Test
    void matchesNothingSpendsAHashAndAnswersFalse() {
        assertThat(passwords.matchesNothing("velvet tractor orbits quietly")).isFalse();
    }

    @Test
    void hashingWhenFloodedThenAtMostTheBoundRunsAtOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> hashes = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                hashes.add(pool.submit(() -> passwords.hash("velvet tractor orbits quietly")));
            }
            int most = 0;
            while (!hashes.stream().allMatch(Future::isDone)) {
                most = Math.max(most, passwords.inFlight());
                Thread.onSpinWait();
            }
            assertThat(most).isBetween(1, 2);
            for (Future<String> hash : hashes) {
                assertThat(hash.get()).startsWith("$argon2id$");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** The hashes share one pool of memory blocks: running at once, none may see another's blocks. */
    @Test
    void matchesWhenHashesRunAtOnceOnSharedBlocksThenEachAnswersForItsOwnPassword() throws Exception {
        List<String> words = List.of("velvet tractor orbits", "amber lantern drifts", "copper meadow hums",
                "silent harbor wakes");
        List<String> hashes = words.stream().map(passwords::hash).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> checks = new ArrayList<>();
            for (int round = 0; round < 3; round++) {
                for (int i = 0; i < words.size(); i++) {
                    String word = words.get(i);
                    String own = hashes.get(i);
                    String other = hashes.get((i + 1) % words.size());
                    checks.add(pool.submit(() -> passwords.matches(word, own) && !passwords.matches(word, other)));
                }
            }
            for (Future<Boolean> check : checks) {
                assertThat(check.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
