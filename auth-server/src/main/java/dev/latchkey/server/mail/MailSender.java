package dev.latchkey.server.mail;

import java.io.UnsupportedEncodingException;
import java.time.Duration;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

import io.helidon.dbclient.DbExecute;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import dev.latchkey.server.audit.AuditEvent;
import dev.latchkey.server.audit.AuditLog;
import dev.latchkey.server.audit.AuditType;
import dev.latchkey.server.db.Database;

/**
 * The background sender: claims due jobs, has each written into a letter (which makes its token right
 * before delivery), delivers it, and marks the job sent only once the transport accepted it. A batch's
 * tokens are issued in one transaction, committed before any is sent. A failure leaves the job queued
 * with its last error and a later retry time; a crash at any point leaves the job queued, to be sent
 * after a restart, or by another instance once this one's claim has run out.
 * Several instances on one database never send a job twice while each holds its claim: a claim lasts
 * {@code lease}, and right before each delivery it must still hold for the longest a delivery takes
 * ({@link #LONGEST_DELIVERY}), or it is renewed first. With the default lease of 5 minutes a batch sent
 * within 30 s of its claim (one takes well under a second) needs no renewal: one commit per email
 * instead of two.
 */
public final class MailSender implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(MailSender.class.getName());
    private static final int BATCH = 20;
    private static final Duration GATHER = Duration.ofMillis(25);
    /**
     * The longest one delivery takes. The SMTP transport's timeouts, 15 s for each step, bound it: a
     * NOOP on the open connection; on a new one the connection, greeting, EHLO, STARTTLS, the TLS
     * handshake's two reads, EHLO again and AUTH LOGIN's three answers; then MAIL, RCPT, DATA and
     * the end of the message: 15 steps, 225 s. (A server that drips a byte every 14 s is bound by
     * none of them; it would be the operator's own relay.)
     */
    static final Duration LONGEST_DELIVERY = Duration.ofSeconds(270);

    private final Database db;
    private final MailJobs jobs;
    private final LetterWriter writer;
    private final MailTransport transport;
    private final AuditLog audit;
    private final InternetAddress from;
    private final Duration pollInterval;
    private final Duration lease;
    private final String owner = owner();
    private final Object signal = new Object();
    private volatile boolean running;
    /**
     * Moved on by close() before it releases this sender's claims: a batch claimed before that (still
     * being sent after close() stopped waiting for it) starts no more deliveries.
     */
    private final AtomicLong claims = new AtomicLong();
    private boolean woken;
    private Thread thread;

    public MailSender(Database db, MailJobs jobs, LetterWriter writer, MailTransport transport, AuditLog audit,
                      String from, Duration pollInterval, Duration lease) {
        this.db = db;
        this.jobs = jobs;
        this.writer = writer;
        this.transport = transport;
        this.audit = audit;
        this.pollInterval = pollInterval;
        this.lease = lease;
        nameStreamProvider();
        try {
            this.from = new InternetAddress(from, true);
        } catch (MessagingException e) {
            throw new IllegalArgumentException("auth.mail.from is not a valid address: " + from, e);
        }
    }

    /**
     * Jakarta Mail 2.1 finds its stream provider again for every message part, by a ServiceLoader scan
     * of the class path (jakartaee/mail-api#861): a quarter of the sender's time in a profile. Naming
     * the implementation makes it a class lookup (FactoryFinder reads this system property first).
     */
    private static void nameStreamProvider() {
        String key = "jakarta.mail.util.StreamProvider";
        if (System.getProperty(key) == null) {
            System.setProperty(key, "org.eclipse.angus.mail.util.MailStreamProvider");
        }
    }

    public synchronized void start() {
        if (thread != null) {
            return;
        }
        running = true;
        thread = Thread.ofPlatform().daemon().name("latchkey-mail-sender").start(this::loop);
    }

    /** Asks the sender to look for due jobs now rather than at its next poll. */
    public void wake() {
        synchronized (signal) {
            woken = true;
            signal.notifyAll();
        }
    }

    /**
     * Claims and processes the jobs that are due now; returns how many it claimed. Serialized in this
     * process, so that a caller (a test) finds every job it saw due handled when this returns.
     */
    public synchronized int sendDue() {
        long claimed = claims.get();
        MailJobs.Claim claim = jobs.claim(db, owner, BATCH, lease);
        if (claim.jobs().isEmpty()) {
            return 0;
        }
        write(claim.jobs()).forEach((job, letter) -> deliver(job, letter, claim.until(), claimed));
        transport.batchDone();
        return claim.jobs().size();
    }

    /**
     * The batch's letters, their tokens issued (and jobs with nothing to send discarded) in one
     * transaction, committed before any is sent; when that fails, job by job, so that one job that
     * cannot be written does not hold up the others.
     */
    private Map<MailJob, Letter> write(List<MailJob> claimed) {
        try {
            return db.inTransaction(tx -> {
                Map<MailJob, Letter> letters = new LinkedHashMap<>();
                for (MailJob job : claimed) {
                    writeOne(tx, job).ifPresent(letter -> letters.put(job, letter));
                }
                return letters;
            });
        } catch (RuntimeException batchFailed) {
            Map<MailJob, Letter> letters = new LinkedHashMap<>();
            for (MailJob job : claimed) {
                try {
                    db.inTransaction(tx -> writeOne(tx, job)).ifPresent(letter -> letters.put(job, letter));
                } catch (RuntimeException e) {
                    fail(job, "could not prepare the message (" + e.getClass().getSimpleName() + ")", List.of());
                }
            }
            return letters;
        }
    }

    private Optional<Letter> writeOne(DbExecute tx, MailJob job) {
        Optional<Letter> letter = writer.write(tx, job);
        if (letter.isEmpty()) {
            jobs.markDiscarded(tx, job.id(), owner);
        }
        return letter;
    }

    /**
     * Delivers one letter while this sender's claim on its job holds for the whole delivery (renewed
     * first when less is left), and records it sent at once: a job is never left delivered but
     * unrecorded for longer than its own delivery.
     */
    private void deliver(MailJob job, Letter letter, long claimedUntil, long claimed) {
        if (claims.get() != claimed) {
            return; // released by close()
        }
        if (!jobs.holdFor(db.execute(), job.id(), owner, claimedUntil, LONGEST_DELIVERY, lease)) {
            LOG.warning(() -> "Mail job " + job.id() + " left to another sender: this one's claim ran out");
            return;
        }
        try {
            transport.deliver(message(letter), job.id());
        } catch (MessagingException | RuntimeException e) {
            fail(job, describe(e), letter.secrets());
            return;
        }
        db.inTransaction(tx -> {
            jobs.markSent(tx, job.id());
            audit.record(tx, new AuditEvent(AuditType.MAIL_SENT, null, job.recipient(), "system", job.clientIp(),
                    kindText(job) + " email delivered").withMailJob(job.id()));
            return null;
        });
        LOG.info(() -> "Mail job " + job.id() + " (" + job.kind() + ") delivered");
    }

    @Override
    public void close() {
        Thread t;
        synchronized (this) {
            running = false;
            t = thread;
            thread = null;
        }
        if (t != null) {
            wake();
            try {
                t.join(Duration.ofSeconds(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        claims.incrementAndGet();
        try {
            // Jobs claimed and not yet sent go to another instance now rather than after the lease.
            jobs.release(db.execute(), owner);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Mail sender could not release its claims; they lapse after the lease", e);
        }
    }

    private void loop() {
        if (!db.dialect().shared()) {
            // Derby has this process alone: a claim left in it is from a run that ended without releasing
            // it. Freed here, before the first claim, rather than in start(): the server listens sooner.
            try {
                synchronized (this) {
                    jobs.releaseAll(db.execute());
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Mail sender could not free an earlier run's claims; they lapse", e);
            }
        }
        while (running) {
            try {
                while (running && sendDue() == BATCH) {
                    // A full batch: there may be more due right away.
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Mail sender could not read the queue: " + e.getClass().getSimpleName(), e);
            }
            synchronized (signal) {
                if (!woken && running) {
                    try {
                        signal.wait(pollInterval.toMillis());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
                woken = false;
            }
            gather();
        }
    }

    /**
     * Lets the jobs of a burst of requests gather for a moment before claiming them: under load each
     * request wakes the sender, which otherwise claimed, wrote and marked them one or two at a time,
     * three transactions each.
     */
    private void gather() {
        try {
            Thread.sleep(GATHER);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String scrub(String error, List<String> secrets) {
        String safe = error;
        for (String secret : secrets) {
            safe = safe.replace(secret, "[token]");
        }
        return safe;
    }

    private void fail(MailJob job, String error, List<String> secrets) {
        String safe = scrub(error, secrets);
        Optional<MailStatus> status = db.inTransaction(tx -> {
            Optional<MailStatus> s = jobs.markFailed(tx, job, safe, owner);
            // A sender that lost its claim leaves the job, and its record, to the one holding it now.
            s.ifPresent(ignored -> audit.record(tx, new AuditEvent(AuditType.MAIL_FAILED, null, job.recipient(),
                    "system", job.clientIp(), kindText(job) + " email not delivered (attempt " + (job.attempts() + 1)
                    + "): " + safe).withMailJob(job.id())));
            return s;
        });
        LOG.warning(() -> "Mail job " + job.id() + " (" + job.kind() + ") failed, "
                + status.map(s -> "now " + s).orElse("and another sender holds it now") + ": " + safe);
    }

    /** Names this sender in the claims it takes: its process id and a random part (pids repeat across hosts). */
    private static String owner() {
        return "pid " + ProcessHandle.current().pid() + " " + UUID.randomUUID();
    }

    private MimeMessage message(Letter letter) throws MessagingException {
        MimeMessage message = new MimeMessage(transport.session());
        message.setFrom(from);
        try {
            message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(letter.to(), null, "UTF-8"));
        } catch (UnsupportedEncodingException e) {
            throw new MessagingException("UTF-8 is always supported", e);
        }
        message.setSubject(letter.subject(), "UTF-8");
        MimeBodyPart text = new MimeBodyPart();
        text.setText(letter.text(), "UTF-8", "plain");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(letter.html(), "UTF-8", "html");
        MimeMultipart alternative = new MimeMultipart("alternative", text, html);
        message.setContent(alternative);
        message.setSentDate(new Date());
        message.saveChanges();
        return message;
    }

    private static String describe(Exception e) {
        String message = e.getMessage() == null ? "" : e.getMessage().replaceAll("\\s+", " ").strip();
        return e.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message);
    }

    private static String kindText(MailJob job) {
        return switch (job.kind()) {
            case PASSWORD_RESET, HELPDESK_RESET -> "Password reset";
            case INVITATION -> "Invitation";
            case PASSWORD_CHANGED -> "Password changed";
            case SECOND_FACTOR_ADDED -> "Second factor added";
            case SECOND_FACTOR_REMOVED -> "Second factor removed";
            case SECOND_FACTOR_REMOVAL_REQUESTED -> "Second-factor removal asked for";
            case RECOVERY_CODE_USED -> "Recovery code used";
            case SECOND_FACTOR_FAILURES -> "Wrong second-factor codes";
        };
    }
}
