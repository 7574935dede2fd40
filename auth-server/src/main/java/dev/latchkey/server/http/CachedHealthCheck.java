package dev.latchkey.server.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.ReentrantLock;

import io.helidon.health.HealthCheck;
import io.helidon.health.HealthCheckResponse;
import io.helidon.health.HealthCheckType;

/**
 * A health check whose answer is kept for a second: {@code /observe/health} answers anyone (the
 * balancer, a stranger), and each answer would otherwise be a database query. Callers that come while
 * the check runs wait for its answer rather than run it again.
 */
public final class CachedHealthCheck implements HealthCheck {
    static final Duration KEPT = Duration.ofSeconds(1);

    private final HealthCheck check;
    private final Clock clock;
    // A lock, not synchronized: callers are virtual threads, which a monitor pins to their carrier on JDK 21.
    private final ReentrantLock lock = new ReentrantLock();
    private HealthCheckResponse answer;
    private Instant until = Instant.MIN;

    public CachedHealthCheck(HealthCheck check, Clock clock) {
        this.check = check;
        this.clock = clock;
    }

    @Override
    public HealthCheckResponse call() {
        lock.lock();
        try {
            Instant now = clock.instant();
            if (answer == null || !now.isBefore(until)) {
                answer = check.call();
                until = now.plus(KEPT);
            }
            return answer;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public HealthCheckType type() {
        return check.type();
    }

    @Override
    public String name() {
        return check.name();
    }

    @Override
    public String path() {
        return check.path();
    }
}
