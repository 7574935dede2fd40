package dev.latchkey.server.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The auth server as a process of its own ({@code java ... dev.latchkey.server.Main} on this test run's
 * class path, or {@code bin/server}), for what an in-process server cannot show: a {@code kill -9}, its
 * start-up time and its memory.
 */
public final class ServerProcess implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("Latchkey auth server listening on http://[^:]+:(\\d+)");

    private final Process process;
    private final List<String> output = new CopyOnWriteArrayList<>();
    private final int port;

    private final long startMillis;

    private ServerProcess(List<String> command) {
        long t0 = System.nanoTime();
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        CompletableFuture<Integer> listening = new CompletableFuture<>();
        Thread.ofPlatform().daemon().name("server-process-output").start(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    output.add(line);
                    Matcher m = LISTENING.matcher(line);
                    if (m.find()) {
                        listening.complete(Integer.parseInt(m.group(1)));
                    }
                }
            } catch (IOException e) {
                // The process is gone; what it printed is kept.
            }
            listening.completeExceptionally(new IllegalStateException("The server exited: " + output));
        });
        try {
            port = listening.get(120, TimeUnit.SECONDS);
            startMillis = Duration.ofNanos(System.nanoTime() - t0).toMillis();
        } catch (TimeoutException e) {
            process.destroyForcibly();
            throw new IllegalStateException("The server did not start within 120 s: " + output, e);
        } catch (Exception e) {
            throw new IllegalStateException("The server did not start: " + output, e);
        }
    }

    /** Starts a server with these settings (as system properties) and waits until it listens. */
    public static ServerProcess start(Map<String, String> settings) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        settings.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("dev.latchkey.server.Main");
        return new ServerProcess(command);
    }

    /** Runs {@code command} (such as {@code bin/server --config FILE}) and waits until the server it starts listens. */
    public static ServerProcess launch(List<String> command) {
        return new ServerProcess(command);
    }

    public int port() {
        return port;
    }

    /** From launch to the line saying the server listens. */
    public long startMillis() {
        return startMillis;
    }

    public long pid() {
        return process.pid();
    }

    public List<String> output() {
        return List.copyOf(output);
    }

    /** {@code kill -9}: no shutdown hook, no clean-up, as when a machine dies. */
    public void kill() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(Duration.ofSeconds(30).toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("The server process did not die");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }
}
