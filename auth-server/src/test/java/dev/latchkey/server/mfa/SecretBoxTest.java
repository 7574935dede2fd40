package dev.latchkey.server.mfa;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecretBoxTest {
    @TempDir
    Path dir;

    @Test
    void openWhenSealedForAnotherAccountOrWithAnotherKeyThenRefused() {
        SecretBox box = SecretBox.of(new byte[32]);
        byte[] secret = Totp.newSecret();
        String sealed = box.seal(secret, 7);
        assertThat(sealed).startsWith("v1:").doesNotContain(Totp.base32(secret));
        assertThat(box.seal(secret, 7)).as("a fresh nonce each time").isNotEqualTo(sealed);
        assertThat(box.open(sealed, 7)).isEqualTo(secret);
        assertThatThrownBy(() -> box.open(sealed, 8)).isInstanceOf(IllegalStateException.class);
        byte[] other = new byte[32];
        other[0] = 1;
        assertThatThrownBy(() -> SecretBox.of(other).open(sealed, 7)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void loadWhenNoKeyOnDerbyThenOwnerOnlyFileMadeOnceAndKept() throws Exception {
        SecretBox first = SecretBox.load(Optional.empty(), dir, false);
        Path file = dir.resolve(SecretBox.KEY_FILE);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Base64.getDecoder().decode(Files.readString(file).strip())).hasSize(32);
        String sealed = first.seal(new byte[] {1, 2, 3}, 1);
        assertThat(SecretBox.load(Optional.empty(), dir, false).open(sealed, 1)).containsExactly(1, 2, 3);
        assertThat(SecretBox.load(Optional.of(Files.readString(file)), dir, true).open(sealed, 1))
                .as("the file's key, configured as auth.mfa.key, opens what Derby sealed").containsExactly(1, 2, 3);
    }

    @Test
    void loadWhenSharedDatabaseWithoutKeyThenRefusedToStart() {
        assertThatThrownBy(() -> SecretBox.load(Optional.empty(), dir, true))
                .hasMessageContaining("auth.mfa.key");
        assertThatThrownBy(() -> SecretBox.load(Optional.of("c2hvcnQ="), dir, true))
                .hasMessageContaining("32 bytes");
    }
}
