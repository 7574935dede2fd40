package dev.latchkey.server.support;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;

/**
 * Debian's nginx on loopback, configured from the project's own template
 * ({@code deploy/nginx/latchkey.conf.template}, which bin/cluster uses too) in front of instances.
 * Missing nginx fails a test when {@code CI=true} and skips it, saying why, elsewhere.
 */
public final class Nginx implements AutoCloseable {
    private static final Path BINARY = Path.of("/usr/sbin/nginx");
    /** The template, seen from the module (tests) or from the repository's root (bin/bench). */
    private static final Path TEMPLATE = Stream.of(Path.of("deploy"), Path.of("..", "deploy"))
            .map(deploy -> deploy.resolve("nginx").resolve("latchkey.conf.template"))
            .filter(Files::isRegularFile).findFirst().orElse(Path.of("deploy/nginx/latchkey.conf.template"));

    private final Process process;
    private final Path state;
    private final int port;

    private Nginx(Process process, Path state, int port) {
        this.process = process;
        this.state = state;
        this.port = port;
    }

    /** Starts nginx on loopback {@code port} in front of the instances listening on {@code upstreamPorts}. */
    public static Nginx start(Path state, int port, List<Integer> upstreamPorts)
            throws IOException, InterruptedException {
        if (!Files.isExecutable(BINARY)) {
            String why = "No nginx at " + BINARY + " (apt-get install nginx)";
            if ("true".equals(System.getenv("CI"))) {
                throw new AssertionError(why);
            }
            Assumptions.abort(why);
        }
        Files.createDirectories(state.resolve("nginx-temp"));
        String config = Files.readString(TEMPLATE)
                .replace("@STATE@", state.toAbsolutePath().toString())
                .replace("@LISTEN@", "127.0.0.1:" + port)
                .replace("@UPSTREAMS@", upstreamPorts.stream()
                        .map(p -> "        server 127.0.0.1:" + p + " max_fails=1 fail_timeout=10s;")
                        .collect(Collectors.joining("\n")));
        Path file = state.resolve("nginx.conf");
        Files.writeString(file, config);
        Process process = new ProcessBuilder(BINARY.toString(), "-p", state.toAbsolutePath().toString(),
                "-c", file.toAbsolutePath().toString(), "-g", "daemon off;")
                .redirectErrorStream(true)
                .redirectOutput(state.resolve("nginx-stdout.log").toFile())
                .start();
        Nginx nginx = new Nginx(process, state, port);
        nginx.awaitListening();
        return nginx;
    }

    public int port() {
        return port;
    }

    /** The access log: one line per request, naming the instance ({@code 127.0.0.1:PORT}) that answered. */
    public List<String> accessLog() throws IOException {
        return Files.readAllLines(state.resolve("nginx-access.log"));
    }

    private void awaitListening() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("nginx exited: " + Files.readString(state.resolve("nginx-stdout.log")));
            }
            try (Socket ignored = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        close();
        throw new IllegalStateException("nginx did not listen on " + port + " within 20 s");
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
