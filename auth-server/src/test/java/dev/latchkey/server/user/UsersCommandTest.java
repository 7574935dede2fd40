package dev.latchkey.server.user;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.latchkey.server.CommandLine;
import dev.latchkey.server.Main;
import dev.latchkey.server.support.TestServer;

class UsersCommandTest {
    static final String STRONG = "velvet tractor orbits quietly";

    @TempDir
    Path dir;
    Path config;

    record Run(int exit, String out, String err) {
    }

    @BeforeEach
    void writeConfig() throws Exception {
        config = dir.resolve("latchkey.yaml");
        Files.writeString(config, "auth:\n  data-dir: \"" + dir.resolve("data") + "\"\n");
    }

    private Run run(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] all = Stream.concat(Arrays.stream(args), Stream.of(
                "--config", config.toString())).toArray(String[]::new);
        int exit = new UsersCommand(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(CommandLine.parse(all));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void addThenListShowsTheUser() {
        Run add = run(STRONG + "\n", "users", "add", "--email", " Ada@Example.COM ", "--name", "Ada Lovelace", "--role",
                "admin");
        assertThat(add.exit()).isZero();
        assertThat(add.out()).contains("ada@example.com").contains("ADMIN");
        Run list = run("", "users", "list");
        assertThat(list.exit()).isZero();
        assertThat(list.out()).contains("ada@example.com").contains("ADMIN").contains("Ada Lovelace")
                .doesNotContain(STRONG).doesNotContain("$argon2id");
    }

    @Test
    void addWhenBadEmailThenNonZeroWithOneLine() {
        Run run = run(STRONG + "\n", "users", "add", "--email", "not-an-address");
        assertThat(run.exit()).isNotZero();
        assertThat(run.err().strip()).contains("not-an-address").doesNotContain("\n");
    }

    @Test
    void addWhenInvisibleCharacterInEmailOrBidiControlInNameThenNonZeroAndNoAccount() {
        assertThat(run(STRONG + "\n", "users", "add", "--email", "ada@example.com\u200b").exit()).isNotZero();
        assertThat(run(STRONG + "\n", "users", "add", "--email", "ada\u202e@example.com").exit()).isNotZero();
        Run bidi = run(STRONG + "\n", "users", "add", "--email", "ada@example.com", "--name", "Ada \u202eecalevoL");
        assertThat(bidi.exit()).isNotZero();
        assertThat(bidi.err()).contains("direction");
        assertThat(run("", "users", "list").out()).doesNotContain("ada@example.com");
    }

    @Test
    void addWhenWeakPasswordThenNonZeroNamingEachRule() {
        Run run = run("ada\n", "users", "add", "--email", "ada@example.com");
        assertThat(run.exit()).isNotZero();
        assertThat(run.err()).contains("at least 15").contains("name part of your email").contains("easy to guess");
        assertThat(run.err().strip()).doesNotContain("\n");
    }

    @Test
    void addWhenDuplicateEmailThenNonZero() {
        assertThat(run(STRONG + "\n", "users", "add", "--email", "ada@example.com").exit()).isZero();
        Run again = run(STRONG + "\n", "users", "add", "--email", "ADA@example.com");
        assertThat(again.exit()).isNotZero();
        assertThat(again.err()).contains("already exists");
    }

    @Test
    void addWhenUnknownRoleThenNonZero() {
        Run run = run(STRONG + "\n", "users", "add", "--email", "ada@example.com", "--role", "ROOT");
        assertThat(run.exit()).isNotZero();
        assertThat(run.err()).contains("USER, HELPDESK or ADMIN");
    }

    @Test
    void commandWhenDatabaseHeldByRunningServerThenClearMessage() throws Exception {
        try (TestServer server = TestServer.start(dir.resolve("data"))) {
            String java = ProcessHandle.current().info().command().orElse("java");
            Process process = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                    Main.class.getName(), "users", "list", "--config", config.toString()))
                    .redirectErrorStream(false)
                    .start();
            process.getOutputStream().close();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.exitValue()).isEqualTo(1);
            assertThat(err).contains("in use by another process").doesNotContain("Exception");
        }
    }
}
