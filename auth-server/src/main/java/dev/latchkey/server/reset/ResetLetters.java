package dev.latchkey.server.reset;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

import io.helidon.dbclient.DbExecute;

import dev.latchkey.server.audit.AuditEvent;
import dev.latchkey.server.audit.AuditLog;
import dev.latchkey.server.audit.AuditType;
import dev.latchkey.server.mail.Letter;
import dev.latchkey.server.mail.LetterWriter;
import dev.latchkey.server.mail.MailJob;
import dev.latchkey.server.mail.MailKind;
import dev.latchkey.server.report.ReportTokens;
import dev.latchkey.server.signal.Signals;
import dev.latchkey.server.user.User;
import dev.latchkey.server.user.Users;

/**
 * Writes the flow's emails. It looks the address up (off the request path), issues any token right
 * before delivery (in the sender's transaction for the batch, committed before any is sent), and
 * builds links from {@code auth.public-url} with the token in
 * the fragment, so the token never reaches a server log or a Referer header. The help-desk reset names
 * the staff member who started it, never the reason they gave.
 */
public final class ResetLetters implements LetterWriter {
    private static final DateTimeFormatter WHEN = DateTimeFormatter
            .ofPattern("EEEE d MMMM yyyy 'at' HH:mm 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private static final String NOT_YOU_RESET =
            "Open this link to cancel it and tell your help desk (you will be asked to confirm):";
    private static final String NOT_YOU_CHANGED = "Open this link at once: after you confirm, every session is"
            + " signed out and your account held until your help desk has checked with you.";

    private final Users users;
    private final ResetTokens tokens;
    private final ReportTokens reports;
    private final Signals signals;
    private final AuditLog audit;
    private final Supplier<URI> publicUrl;
    private final Duration resetTtl;
    private final Duration inviteTtl;
    private final Clock clock;

    public ResetLetters(Users users, ResetTokens tokens, ReportTokens reports, Signals signals, AuditLog audit,
                        Supplier<URI> publicUrl, Duration resetTtl, Duration inviteTtl, Clock clock) {
        this.users = users;
        this.tokens = tokens;
        this.reports = reports;
        this.signals = signals;
        this.audit = audit;
        this.publicUrl = publicUrl;
        this.resetTtl = resetTtl;
        this.inviteTtl = inviteTtl;
        this.clock = clock;
    }

    @Override
    public Optional<Letter> write(DbExecute db, MailJob job) {
        if (job.kind() == MailKind.PASSWORD_RESET) {
            signals.resetAsked(job.clientIp(), job.recipient());
        }
        Optional<User> user = users.findByEmail(db, job.recipient());
        if (user.isEmpty()) {
            if (job.kind() == MailKind.PASSWORD_RESET) {
                audit.record(db, new AuditEvent(AuditType.RESET_REQUEST_UNKNOWN_ADDRESS, null,
                        job.recipient(), null, job.clientIp(), "No account has this address; nothing sent")
                        .withMailJob(job.id()));
            }
            return Optional.empty();
        }
        if (user.get().held() && job.kind() != MailKind.PASSWORD_CHANGED) {
            // The requester got the same answer as for any address; only the trail tells.
            audit.record(db, new AuditEvent(AuditType.RESET_REQUEST_HELD_ACCOUNT, user.get().id(), job.recipient(),
                    null, job.clientIp(), "Account held after a report; nothing sent").withMailJob(job.id()));
            return Optional.empty();
        }
        return Optional.of(switch (job.kind()) {
            case PASSWORD_RESET -> {
                if (user.get().role().isStaff()) {
                    signals.staffReset(user.get(), job.clientIp());
                }
                yield reset(db, job, user.get(), "Someone (we hope you) asked to reset the password of your"
                        + " Latchkey account.");
            }
            case HELPDESK_RESET -> reset(db, job, user.get(), "A member of the help desk, " + job.actor()
                    + ", started a reset of the password of your Latchkey account.");
            case INVITATION -> invitation(db, job, user.get());
            case PASSWORD_CHANGED -> changed(db, job, user.get());
        });
    }

    private Letter reset(DbExecute db, MailJob job, User user, String why) {
        String token = issue(db, job, user, ResetTokens.Purpose.RESET, resetTtl);
        String report = report(db, job, user, ReportTokens.Event.RESET_REQUESTED);
        return tokenLetter(user, token, report, resetTtl, "Reset your Latchkey password", why,
                "To choose a new password, open this link:", "Choose a new password",
                "If you did not ask for this, ignore this email: your password stays as it is.");
    }

    private Letter invitation(DbExecute db, MailJob job, User user) {
        String token = issue(db, job, user, ResetTokens.Purpose.INVITE, inviteTtl);
        String report = report(db, job, user, ReportTokens.Event.INVITATION);
        return tokenLetter(user, token, report, inviteTtl, "You are invited to Latchkey",
                job.actor() + " of the help desk created a Latchkey account for you.",
                "To choose your password, open this link:", "Choose your password",
                "If you did not expect this, ignore this email: nobody can use the account without this link.");
    }

    /**
     * The "Not you?" token for the event this email tells of. The event's IP is the requester's or the
     * changer's; a help-desk member's office address is not the owner's business.
     */
    private String report(DbExecute db, MailJob job, User user, ReportTokens.Event event) {
        String ip = job.kind() == MailKind.PASSWORD_RESET || job.kind() == MailKind.PASSWORD_CHANGED
                ? job.clientIp() : null;
        return reports.issue(db, user.id(), event, job.id(), job.createdAt(), ip);
    }

    private String reportLink(String report) {
        return publicUrl.get() + "/report#token=" + report;
    }

    /** Issues the token right before delivery, superseding older ones. */
    private String issue(DbExecute db, MailJob job, User user, ResetTokens.Purpose purpose, Duration ttl) {
        // Only a reset the owner asked for has a requester's network to compare the completion with;
        // the others were asked from the help desk's.
        String issued = tokens.issue(db, user.id(), purpose, ttl,
                job.kind() == MailKind.PASSWORD_RESET ? job.clientIp() : null);
        if (job.kind() == MailKind.PASSWORD_RESET) {
            audit.record(db, new AuditEvent(AuditType.RESET_REQUESTED, user.id(), user.email(), null,
                    job.clientIp(), "Reset token issued; older unused tokens invalidated; email being sent")
                    .withMailJob(job.id()));
        }
        return issued;
    }

    private Letter tokenLetter(User user, String token, String report, Duration ttl, String subject, String why,
                               String openLink, String linkText, String ignore) {
        String until = WHEN.format(clock.instant().plus(ttl));
        String link = publicUrl.get() + "/reset#token=" + token;
        String text = """
                Hello %s,

                %s

                %s
                %s

                Or paste this code into the Latchkey app:

                %s

                The link and the code work once, until %s.

                %s

                Not you? %s
                %s
                """.formatted(user.displayName(), why, openLink, link, token, until, ignore, NOT_YOU_RESET,
                reportLink(report));
        String html = """
                <!DOCTYPE html>
                <html lang="en"><body style="font-family: sans-serif; line-height: 1.5;">
                <p>Hello %s,</p>
                <p>%s</p>
                <p><a href="%s">%s</a></p>
                <p>Or paste this code into the Latchkey app:</p>
                <p><code style="font-size: 1.1em;">%s</code></p>
                <p>The link and the code work once, until %s.</p>
                <p>%s</p>
                <p>Not you? <a href="%s">%s</a></p>
                </body></html>
                """.formatted(escape(user.displayName()), escape(why), escape(link), linkText, token, until,
                escape(ignore), escape(reportLink(report)), NOT_YOU_RESET);
        return new Letter(user.email(), subject, text, html, List.of(token, report));
    }

    private Letter changed(DbExecute db, MailJob job, User user) {
        String report = report(db, job, user, ReportTokens.Event.PASSWORD_CHANGED);
        String when = WHEN.format(job.createdAt());
        String from = job.clientIp() == null ? "an unknown address" : job.clientIp();
        String text = """
                Hello %s,

                The password of your Latchkey account was changed on %s, from the IP address %s.
                Every other signed-in session of yours has been signed out.

                If this was you, there is nothing more to do.

                Not you? %s
                %s
                """.formatted(user.displayName(), when, from, NOT_YOU_CHANGED, reportLink(report));
        String html = """
                <!DOCTYPE html>
                <html lang="en"><body style="font-family: sans-serif; line-height: 1.5;">
                <p>Hello %s,</p>
                <p>The password of your Latchkey account was changed on %s, from the IP address %s.
                Every other signed-in session of yours has been signed out.</p>
                <p>If this was you, there is nothing more to do.</p>
                <p>Not you? <a href="%s">%s</a></p>
                </body></html>
                """.formatted(escape(user.displayName()), when, escape(from), escape(reportLink(report)),
                NOT_YOU_CHANGED);
        return new Letter(user.email(), "Your Latchkey password was changed", text, html, List.of(report));
    }

    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
