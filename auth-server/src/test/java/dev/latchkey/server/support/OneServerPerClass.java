package dev.latchkey.server.support;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * For test classes whose tests share one real server on a temporary data dir. Tests keep out of each
 * other's way with their own users ({@link TestServer#newUser}) and client IPs. These are the contract
 * tests: what they send and get back must be what the OpenAPI document says ({@link ApiDocument}).
 */
public abstract class OneServerPerClass {
    @TempDir
    protected static Path dir;
    protected static TestServer server;

    @BeforeAll
    static void startServer() {
        server = TestServer.start(dir);
    }

    /** Also holds every request the class sent, and its answer, to the API document. */
    @AfterAll
    static void stopServer() {
        if (server == null) {
            return; // the class was skipped (no PostgreSQL to run on) or its server never started
        }
        try {
            ApiDocument.get().assertConform(server.exchanges());
        } finally {
            server.close();
        }
    }
}
