package dev.latchkey.desktop.mailbox;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import dev.latchkey.desktop.reset.TokenViewModel;

/**
 * Reads the embedded server's outbox folder: one RFC 822 {@code .eml} file per message. Only regular
 * files, not followed through links, of at most {@value #MAX_BYTES} bytes: a FIFO would block the
 * reading for good, a link would show another file's contents, a huge file would fill the heap.
 */
public final class Outbox {
    /** The server's emails are some 10 KiB. */
    static final int MAX_BYTES = 1024 * 1024;
    private static final Logger LOG = Logger.getLogger(Outbox.class.getName());

    private final Path dir;
    private final Session session = Session.getInstance(new Properties());

    public Outbox(Path dir) {
        this.dir = dir;
    }

    /** The messages, newest first. A file that cannot be read is skipped (and logged by name only). */
    public List<MailItem> read() throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<Path> files;
        try (Stream<Path> listing = Files.list(dir)) {
            files = listing.filter(p -> p.getFileName().toString().endsWith(".eml")
                    && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).toList();
        }
        List<MailItem> items = new ArrayList<>();
        for (Path file : files) {
            try {
                items.add(parse(file));
            } catch (NoSuchFileException gone) {
                // Removed between listing and reading.
            } catch (IOException | MessagingException | RuntimeException e) {
                LOG.log(Level.WARNING, "Skipping unreadable outbox file " + file.getFileName());
            }
        }
        items.sort(Comparator.comparing(MailItem::received).thenComparing(MailItem::fileName).reversed());
        return items;
    }

    private MailItem parse(Path file) throws IOException, MessagingException {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            bytes = in.readNBytes(MAX_BYTES + 1);
        }
        if (bytes.length > MAX_BYTES) {
            throw new IOException("Larger than " + MAX_BYTES + " bytes");
        }
        MimeMessage message = new MimeMessage(session, new ByteArrayInputStream(bytes));
        String text = plainText(message);
        Instant received = message.getSentDate() == null ? Files.getLastModifiedTime(file).toInstant()
                : message.getSentDate().toInstant();
        String to = message.getAllRecipients() == null ? "" : message.getAllRecipients()[0].toString();
        Optional<String> code = TokenViewModel.extractToken(text);
        return new MailItem(file.getFileName().toString(), received, to, message.getSubject(), text, code);
    }

    private static String plainText(MimeMessage message) throws IOException, MessagingException {
        Object content = message.getContent();
        if (content instanceof String s) {
            return s;
        }
        if (content instanceof MimeMultipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart part = multipart.getBodyPart(i);
                if (part.isMimeType("text/plain")) {
                    return (String) part.getContent();
                }
            }
        }
        return "";
    }
}
