package dev.latchkey.server.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Looks for secrets in files as they lie on disk: the database's, the logs'. */
public final class FileScan {
    private FileScan() {
    }

    /** Every regular file under the roots, one after another (roots that do not exist are skipped). */
    public static byte[] allBytesUnder(Path... roots) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (Path root : roots) {
            if (!Files.exists(root)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    all.write(Files.readAllBytes(file));
                }
            }
        }
        return all.toByteArray();
    }

    /** Looks for the text as UTF-8 and as UTF-16 (Derby may store either). */
    public static boolean contains(byte[] haystack, String text) {
        return indexOf(haystack, text.getBytes(StandardCharsets.UTF_8)) >= 0
                || indexOf(haystack, text.getBytes(StandardCharsets.UTF_16BE)) >= 0
                || indexOf(haystack, text.getBytes(StandardCharsets.UTF_16LE)) >= 0;
    }

    /** Where {@code needle} starts in {@code haystack}, or -1. */
    public static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
