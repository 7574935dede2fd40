package dev.latchkey.desktop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class AppOptionsTest {
    @Test
    void noArgumentsMeansEmbeddedServerWithDataInHome() {
        AppOptions options = AppOptions.parse();
        assertThat(options.server()).isEmpty();
        assertThat(options.dataDir()).isEqualTo(Path.of(System.getProperty("user.home"), ".latchkey"));
    }

    @Test
    void serverAndDataDirAreRead() {
        AppOptions options = AppOptions.parse("--server", "http://10.1.2.3:8080/", "--data-dir", "some/where");
        assertThat(options.server()).contains(URI.create("http://10.1.2.3:8080"));
        assertThat(options.dataDir()).isEqualTo(Path.of("some/where").toAbsolutePath());
    }

    @Test
    void badArgumentsAreRefusedInPlainWords() {
        assertThatThrownBy(() -> AppOptions.parse("--server")).hasMessageContaining("needs a value");
        assertThatThrownBy(() -> AppOptions.parse("--server", "ftp://x")).hasMessageContaining("http or https");
        assertThatThrownBy(() -> AppOptions.parse("--colour", "blue")).hasMessageContaining("Unknown option");
    }
}
