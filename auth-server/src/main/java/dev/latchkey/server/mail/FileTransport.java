package dev.latchkey.server.mail;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Properties;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/**
 * Writes each message as an RFC 822 {@code .eml} file in the outbox folder: first to a hidden temporary
 * file, then moved into place atomically, so a reader never sees half a message. The folder is made
 * readable by its owner only, since the messages hold live reset tokens.
 */
public final class FileTransport implements MailTransport {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private final Path outbox;
    private final Clock clock;
    private final Session session = Session.getInstance(new Properties());

    public FileTransport(Path outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    public Path outbox() {
        return outbox;
    }

    @Override
    public Session session() {
        return session;
    }

    @Override
    public void deliver(MimeMessage message, long jobId) throws MessagingException {
        try {
            createOutbox();
            String name = STAMP.format(clock.instant()) + "-" + String.format("%08d", jobId) + ".eml";
            Path temp = Files.createTempFile(outbox, ".writing-", ".tmp");
            // Buffered: Jakarta Mail writes a message in small pieces, each a system call otherwise
            // (most of the sender's time went to them).
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temp), 16 * 1024)) {
                message.writeTo(out);
            }
            try {
                Files.move(temp, outbox.resolve(name), StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, outbox.resolve(name), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new MessagingException("Cannot write to the outbox folder " + outbox + ": " + e.getMessage());
        }
    }

    private void createOutbox() throws IOException {
        if (Files.isDirectory(outbox)) {
            return;
        }
        Files.createDirectories(outbox);
        try {
            Files.setPosixFilePermissions(outbox, PosixFilePermissions.fromString("rwx------"));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system: the folder keeps the platform's default rights.
        }
    }
}
