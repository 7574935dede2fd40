package dev.latchkey.server.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.latchkey.api.Role;
import dev.latchkey.server.support.TestServer;

class AccountsTest {
    @TempDir
    Path dir;

    @Test
    void createFirstAdministratorWhenNoUserThenAdminElseRefused() throws Exception {
        try (TestServer server = TestServer.start(dir)) {
            Accounts accounts = server.server().accounts();
            assertThat(accounts.any()).isFalse();
            User admin = accounts.createFirstAdministrator(" Root@Example.com ", "", "velvet tractor orbits quietly");
            assertThat(admin.role()).isEqualTo(Role.ADMIN);
            assertThat(admin.email()).isEqualTo("root@example.com");
            assertThat(admin.displayName()).isEqualTo("root");
            assertThat(server.signIn("root@example.com", "velvet tractor orbits quietly")).isNotBlank();
            assertThatThrownBy(() -> accounts.createFirstAdministrator("other@example.com", "Other",
                    "marble canyon whistles softly")).isInstanceOf(AccountRefused.class);
        }
    }

    @Test
    void createWhenWeakPasswordThenEachRuleRefused() {
        try (TestServer server = TestServer.start(dir)) {
            assertThatThrownBy(() -> server.server().accounts().createFirstAdministrator("root@example.com", "Root",
                    "root"))
                    .isInstanceOfSatisfying(AccountRefused.class, e -> assertThat(e.reasons(java.util.Locale.ENGLISH)).hasSize(3));
        }
    }

    /** The same length rule as the API's: characters, so 200 emoji fit (they are 400 UTF-16 units). */
    @Test
    void createWhenNameOfAstralCharactersThenCountedAsTheApiCountsThem() throws Exception {
        String emoji = "\uD83D\uDE00";
        try (TestServer server = TestServer.start(dir)) {
            Accounts accounts = server.server().accounts();
            User created = accounts.create("emoji@example.com", emoji.repeat(200), Role.USER,
                    "velvet tractor orbits quietly", "test");
            assertThat(created.displayName()).isEqualTo(emoji.repeat(200));
            assertThatThrownBy(() -> accounts.create("over@example.com", emoji.repeat(201), Role.USER,
                    "velvet tractor orbits quietly", "test")).isInstanceOf(AccountRefused.class);
        }
    }
}
