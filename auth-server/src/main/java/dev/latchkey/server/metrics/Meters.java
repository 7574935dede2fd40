package dev.latchkey.server.metrics;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import io.helidon.metrics.api.Counter;
import io.helidon.metrics.api.Gauge;
import io.helidon.metrics.api.MeterRegistry;
import io.helidon.metrics.api.Tag;
import io.helidon.metrics.api.Timer;

import dev.latchkey.server.mail.MailJobs;
import dev.latchkey.server.mail.MailStatus;
import dev.latchkey.server.retention.Retention;

/**
 * The server's own meters, shown at {@code /observe/metrics}. Their labels hold outcomes and
 * statuses, fixed words: never an address, an IP or a token, so a scrape cannot become a list of
 * who asked for what.
 */
public final class Meters {
    /** What became of a reset request, or of a token presented to verify or complete one. */
    public enum Reset { REQUESTED, THROTTLED, COMPLETED, TOKEN_REJECTED }

    /** What became of a sign-in. A held account's right password is FAILED, as its answer is. */
    public enum SignIn { SUCCEEDED, FAILED, THROTTLED }

    /**
     * What became of a second factor presented at a sign-in, a reset's completion or a change of the
     * factor, and of enrolments and removals.
     */
    public enum SecondFactor {
        ACCEPTED, RECOVERY_CODE_USED, REJECTED, THROTTLED, ENROLLED, REMOVED, REMOVAL_REQUESTED, REMOVAL_CANCELLED
    }

    /** The mail queue is read from the database at most this often, however often it is scraped. */
    private static final Duration QUEUE_READ_EVERY = Duration.ofSeconds(5);

    private final Map<Reset, Counter> resets = new EnumMap<>(Reset.class);
    private final Map<SignIn, Counter> signIns = new EnumMap<>(SignIn.class);
    private final Map<SecondFactor, Counter> secondFactors = new EnumMap<>(SecondFactor.class);
    private final Map<Retention.Kind, Counter> retentionDeleted = new EnumMap<>(Retention.Kind.class);
    private final Timer hashSlotWait;
    private final MeterRegistry registry;

    public Meters(MeterRegistry registry) {
        this.registry = registry;
        for (Reset outcome : Reset.values()) {
            resets.put(outcome, registry.getOrCreate(Counter.builder("latchkey.resets")
                    .description("Reset requests and token uses, by outcome")
                    .addTag(outcome(outcome))));
        }
        for (SignIn outcome : SignIn.values()) {
            signIns.put(outcome, registry.getOrCreate(Counter.builder("latchkey.sign.ins")
                    .description("Sign-ins, by outcome")
                    .addTag(outcome(outcome))));
        }
        for (SecondFactor outcome : SecondFactor.values()) {
            secondFactors.put(outcome, registry.getOrCreate(Counter.builder("latchkey.second.factor")
                    .description("Second-factor codes and recovery codes presented, enrolments and removals, by outcome")
                    .addTag(outcome(outcome))));
        }
        for (Retention.Kind kind : Retention.Kind.values()) {
            retentionDeleted.put(kind, registry.getOrCreate(Counter.builder("latchkey.retention.deleted")
                    .description("Rows deleted past their retention, by kind")
                    .addTag(Tag.create("kind", kind.label()))));
        }
        hashSlotWait = registry.getOrCreate(Timer.builder("latchkey.password.hash.slot.wait")
                .description("Time a password check or hash waited for a hashing slot"));
    }

    public void reset(Reset outcome) {
        resets.get(outcome).increment();
    }

    public void signIn(SignIn outcome) {
        signIns.get(outcome).increment();
    }

    public void secondFactor(SecondFactor outcome) {
        secondFactors.get(outcome).increment();
    }

    /**
     * The counter of one per-client limit's refusals (its 429s), registered now so that it reads 0
     * before the first; {@code limit} is the limit's fixed name as {@code RateLimits} gives it
     * ({@code reset-per-ip}), labelled as the others are ({@code reset_per_ip}).
     */
    public Runnable rateLimited(String limit) {
        Counter refused = registry.getOrCreate(Counter.builder("latchkey.rate.limited")
                .description("Requests refused by a per-client rate limit, by limit")
                .addTag(Tag.create("limit", limit.replace('-', '_'))));
        return refused::increment;
    }

    public void retentionDeleted(Retention.Kind kind, long rows) {
        retentionDeleted.get(kind).increment(rows);
    }

    public void hashSlotWaited(Duration waited) {
        hashSlotWait.record(waited);
    }

    /**
     * Gauges of the mail queue: jobs by status, and the age of the oldest job still queued (0 when
     * none). The registry is the JVM's: a server started later in the same JVM (tests) takes the
     * gauges over, and the returned action removes them when they are still this server's.
     */
    public static Runnable mailQueue(MeterRegistry registry, Supplier<MailJobs.Queue> read, Clock clock) {
        Supplier<MailJobs.Queue> cached = new Cached<>(read, clock, QUEUE_READ_EVERY);
        List<Gauge<?>> gauges = new ArrayList<>();
        for (MailStatus status : MailStatus.values()) {
            gauges.add(replace(registry, Gauge.builder("latchkey.mail.jobs", () -> cached.get().count(status))
                    .description("Mail jobs, by status")
                    .addTag(Tag.create("status", status.name().toLowerCase(Locale.ROOT)))));
        }
        gauges.add(replace(registry, Gauge.builder("latchkey.mail.oldest.queued.age.seconds",
                        () -> cached.get().oldestQueuedAge(clock.instant()).toSeconds())
                .description("Age of the oldest mail job waiting to be sent")));
        return () -> registry.meters(meter -> gauges.stream().anyMatch(gauge -> gauge == meter))
                .forEach(registry::remove);
    }

    private static <N extends Number> Gauge<N> replace(MeterRegistry registry, Gauge.Builder<N> gauge) {
        registry.remove(gauge.name(), tags(gauge.tags()));
        return registry.getOrCreate(gauge);
    }

    private static List<Tag> tags(Map<String, String> tags) {
        return tags.entrySet().stream().map(tag -> Tag.create(tag.getKey(), tag.getValue())).toList();
    }

    private static Tag outcome(Enum<?> outcome) {
        return Tag.create("outcome", outcome.name().toLowerCase(Locale.ROOT));
    }

    /** The last value read, read again once it is older than {@code every}. */
    private static final class Cached<T> implements Supplier<T> {
        private final Supplier<T> read;
        private final Clock clock;
        private final Duration every;
        private T value;
        private long readAt;

        Cached(Supplier<T> read, Clock clock, Duration every) {
            this.read = read;
            this.clock = clock;
            this.every = every;
        }

        @Override
        public synchronized T get() {
            long now = clock.millis();
            if (value == null || now - readAt >= every.toMillis()) {
                value = read.get();
                readAt = now;
            }
            return value;
        }
    }
}
