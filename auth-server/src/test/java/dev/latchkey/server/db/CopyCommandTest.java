package dev.latchkey.server.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

import org.junit.jupiter.api.Test;

import dev.latchkey.server.CommandLine;

/** {@code db copy-to-postgresql} refuses wrong usage before it touches any database. */
class CopyCommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return new CopyCommand(new ByteArrayInputStream("secret\n".getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                Clock.systemUTC()).run(CommandLine.parse(args));
    }

    @Test
    void copyWhenTargetIsNotPostgresqlThenUsageErrorAndNothingOpened() {
        assertThat(run("db", "copy-to-postgresql", "--to", "jdbc:derby:/tmp/elsewhere;create=true",
                "--to-user", "u")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--to must be a jdbc:postgresql://");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void copyWhenUserOrTargetMissingOrUnknownActionThenUsage() {
        assertThat(run("db", "copy-to-postgresql", "--to", "jdbc:postgresql://localhost/x")).isEqualTo(2);
        assertThat(run("db", "copy-to-postgresql", "--to-user", "u")).isEqualTo(2);
        assertThat(run("db", "drop-everything", "--to", "jdbc:postgresql://localhost/x", "--to-user", "u"))
                .isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Usage:").doesNotContain("secret");
    }
}
