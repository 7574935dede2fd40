package dev.latchkey.server.password;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** The hasher keeps its blocks between hashes, and gives them back once hashing stops for a while. */
class Argon2idHasherTest {
    @Test
    void hashWhenNoHashFollowsForTheIdleTimeThenTheBlocksAreDroppedAndHashingGoesOn() throws InterruptedException {
        Argon2idHasher hasher = new Argon2idHasher(1, Duration.ofSeconds(2));

        String hash = hasher.hash("marble canyon whistles softly");
        assertThat(hasher.keepsBlocks()).as("kept for the next hash").isTrue();

        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (hasher.keepsBlocks() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(hasher.keepsBlocks()).as("dropped after 2 s without a hash").isFalse();

        assertThat(hasher.matches("marble canyon whistles softly", hash)).isTrue();
        assertThat(hasher.matches("marble canyon whistles loudly", hash)).isFalse();
        assertThat(hasher.keepsBlocks()).isTrue();
    }
}
