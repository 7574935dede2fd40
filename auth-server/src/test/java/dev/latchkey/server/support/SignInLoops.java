package dev.latchkey.server.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import dev.latchkey.server.support.TestServer.Response;

/** Sign-ins in loops, around a password change, for the race between them and the change. */
public final class SignInLoops {
    private static final int LOOPS = 3;
    private static final AtomicInteger IPS = new AtomicInteger();

    private SignInLoops() {
    }

    /**
     * Runs {@value #LOOPS} loops signing in to {@code server} with {@code email} and {@code password},
     * each from its own IP; once one has succeeded runs {@code change}, keeps the loops going a little
     * past it, and returns every session they got.
     */
    public static List<String> around(TestServer server, String email, String password, Runnable change)
            throws Exception {
        List<String> minted = new CopyOnWriteArrayList<>();
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService loops = Executors.newFixedThreadPool(LOOPS);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < LOOPS; i++) {
                String ip = "198.51.100." + IPS.incrementAndGet() % 250;
                running.add(loops.submit(() -> {
                    while (!stop.get()) {
                        Response r = server.post("/api/v1/sessions",
                                "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}", ip, null);
                        if (r.status() == 201) {
                            minted.add(r.json().get("token").asText());
                        }
                    }
                    return null;
                }));
            }
            // Sign-ins are under way, so that some are in flight when the change commits.
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (minted.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            change.run();
            Thread.sleep(60); // and keep them going past it
            stop.set(true);
            for (Future<?> f : running) {
                f.get();
            }
        } finally {
            loops.shutdownNow();
        }
        return minted;
    }
}
