package dev.latchkey.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;

/** A server error's log line names the root cause, without the data values a driver quotes. */
class ErrorHandlingTest {
    @Test
    void describeWhenDriverMessageQuotesDataThenClassStateAndMessageWithoutTheData() {
        SQLException root = new SQLException("A truncation error was encountered trying to shrink VARCHAR"
                + " 'my secret value' to length 200 in 'APP_USER'.", "22001");
        String text = ErrorHandling.describe(new RuntimeException("wrapped", root));
        assertThat(text).contains("RuntimeException", "caused by SQLException", "SQL state 22001", "truncation error",
                "'APP_USER'").doesNotContain("my secret value");
    }

    @Test
    void cleanWhenControlCharactersThenEscapedOnOneLine() {
        assertThat(LogText.clean("/x\n2030-01-01 SEVERE forged\r\u0007\u2028")).isEqualTo(
                "/x\\n2030-01-01 SEVERE forged\\r\\u0007\\u2028");
        assertThat(LogText.clean("y".repeat(500))).hasSize(303).endsWith("...");
    }
}
