package dev.latchkey.server.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The data folder holds the database (password hashes) and the outbox (live reset tokens). When
 * Latchkey creates it, only its owner may read it; a folder that already exists keeps its rights.
 */
public final class DataDir {
    private DataDir() {
    }

    public static Path prepare(Path dir) {
        if (Files.isDirectory(dir)) {
            return dir;
        }
        try {
            Files.createDirectories(dir);
            try {
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            } catch (UnsupportedOperationException e) {
                // Not a POSIX file system: the platform's default rights apply.
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data folder " + dir, e);
        }
    }
}
