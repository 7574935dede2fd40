package dev.latchkey.desktop.mailbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** The mailbox reads only the outbox's own regular files, and a bounded amount of each. */
class OutboxTest {
    @TempDir
    Path dir;

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void readWhenFifoOrLinkAmongTheMessagesThenOnlyTheRegularFilesAndNoWait() throws Exception {
        Path outbox = Files.createDirectory(dir.resolve("outbox"));
        write(outbox.resolve("1.eml"), "ada@example.com", "Reset your password");
        Path elsewhere = write(dir.resolve("secret.eml"), "eve@example.com", "Not the outbox's");
        Files.createSymbolicLink(outbox.resolve("2.eml"), elsewhere);
        Process mkfifo = new ProcessBuilder("mkfifo", outbox.resolve("3.eml").toString()).start();
        assertThat(mkfifo.waitFor()).isZero();

        // Opened for reading, a FIFO with no writer blocks for good: the mailbox would hang.
        List<MailItem> items = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> new Outbox(outbox).read());
        assertThat(items).extracting(MailItem::fileName).containsExactly("1.eml");
    }

    @Test
    void readWhenAFileIsLargerThanTheBoundThenSkipped() throws Exception {
        Path outbox = Files.createDirectory(dir.resolve("outbox"));
        write(outbox.resolve("1.eml"), "ada@example.com", "Reset your password");
        Path huge = write(outbox.resolve("2.eml"), "ada@example.com", "Huge");
        try (OutputStream out = Files.newOutputStream(huge, java.nio.file.StandardOpenOption.APPEND)) {
            byte[] line = ("x".repeat(76) + "\r\n").getBytes();
            for (int written = 0; written <= Outbox.MAX_BYTES; written += line.length) {
                out.write(line);
            }
        }
        assertThat(new Outbox(outbox).read()).extracting(MailItem::fileName).containsExactly("1.eml");
    }

    private static Path write(Path file, String to, String subject) throws Exception {
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
        message.setFrom(new InternetAddress("latchkey@example.com"));
        message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(to));
        message.setSubject(subject);
        message.setText("Hello\r\n");
        try (OutputStream out = Files.newOutputStream(file)) {
            message.writeTo(out);
        }
        return file;
    }
}
