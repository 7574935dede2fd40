package dev.latchkey.server.reset;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import io.helidon.dbclient.DbExecute;

import dev.latchkey.i18n.Languages;
import dev.latchkey.server.audit.AuditEvent;
import dev.latchkey.server.audit.AuditLog;
import dev.latchkey.server.audit.AuditType;
import dev.latchkey.server.i18n.Reader;
import dev.latchkey.server.i18n.Texts;
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
        if (job.kind() == MailKind.SECOND_FACTOR_REMOVAL_REQUESTED && user.get().secondFactorRemovalDue() == null) {
            return Optional.empty(); // cancelled before it was sent: the owner used the factor
        }
        if (user.get().held() && !job.kind().notice()) {
            // The requester got the same answer as for any address; only the trail tells.
            audit.record(db, new AuditEvent(AuditType.RESET_REQUEST_HELD_ACCOUNT, user.get().id(), job.recipient(),
                    null, job.clientIp(), "Account held after a report; nothing sent").withMailJob(job.id()));
            return Optional.empty();
        }
        // A reset is written for the account's reader (language and zone) when one is stored: anyone can
        // ask for a reset, and only a sign-in, a completed reset (which prove the account) or the help
        // desk's invitation set it. Only for an account with none does the request's language count,
        // and never the asker's zone.
        Reader reader = user.get().reader()
                .or(() -> job.reader().map(asked -> new Reader(asked.language(), Optional.empty())))
                .orElse(Reader.UNKNOWN);
        Words words = new Words(reader);
        return Optional.of(switch (job.kind()) {
            case PASSWORD_RESET -> {
                if (user.get().role().isStaff()) {
                    signals.staffReset(user.get(), job.clientIp());
                }
                yield tokenLetter(db, job, user.get(), words, "reset", words.get("mail.reset.why"),
                        words.get("mail.reset.ignore"));
            }
            case HELPDESK_RESET -> tokenLetter(db, job, user.get(), words, "reset",
                    words.get("mail.helpdeskReset.why", job.actor()), words.get("mail.helpdeskReset.ignore"));
            case INVITATION -> tokenLetter(db, job, user.get(), words, "invite",
                    words.get("mail.invite.why", job.actor()), words.get("mail.invite.ignore"));
            case PASSWORD_CHANGED -> notice(db, job, user.get(), words, "changed", words.get("mail.changed.sessions"),
                    "mail.changed.ifYou", "mail.notYou.changed");
            case SECOND_FACTOR_ADDED -> notice(db, job, user.get(), words, "factorAdded",
                    words.get("mail.factorAdded.effect"), "mail.changed.ifYou", "mail.notYou.changed");
            case SECOND_FACTOR_REMOVED -> notice(db, job, user.get(), words, "factorRemoved",
                    words.get("mail.factorRemoved.effect"), "mail.changed.ifYou", "mail.notYou.changed");
            case SECOND_FACTOR_REMOVAL_REQUESTED -> notice(db, job, user.get(), words, "factorRemoval",
                    words.get("mail.factorRemoval.effect", job.actor(),
                            words.reader().when(user.get().secondFactorRemovalDue())),
                    "mail.factorRemoval.ifYou", "mail.notYou.factorRemoval");
            case RECOVERY_CODE_USED -> notice(db, job, user.get(), words, "recoveryUsed",
                    words.get("mail.recoveryUsed.effect"), "mail.changed.ifYou", "mail.notYou.changed");
            case SECOND_FACTOR_FAILURES -> notice(db, job, user.get(), words, "codeFailures",
                    words.get("mail.codeFailures.effect"), "mail.codeFailures.ifYou", "mail.notYou.changed");
        });
    }

    /**
     * The "Not you?" token for the event this email tells of. The event's IP is the requester's or the
     * changer's; a help-desk member's office address is not the owner's business.
     */
    private String report(DbExecute db, MailJob job, User user, ReportTokens.Event event) {
        String ip = job.kind() == MailKind.PASSWORD_RESET || job.kind().notice() ? job.clientIp() : null;
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

    /**
     * A reset or an invitation ({@code kind}: the {@code mail.<kind>.} keys): the link, the code alone
     * on its line for pasting, until when they work, and the "Not you?" link.
     */
    private Letter tokenLetter(DbExecute db, MailJob job, User user, Words words, String kind, String why,
                               String ignore) {
        boolean invite = kind.equals("invite");
        Duration ttl = invite ? inviteTtl : resetTtl;
        String token = issue(db, job, user, invite ? ResetTokens.Purpose.INVITE : ResetTokens.Purpose.RESET, ttl);
        String report = report(db, job, user, invite ? ReportTokens.Event.INVITATION
                : ReportTokens.Event.RESET_REQUESTED);
        String until = words.reader().when(clock.instant().plus(ttl));
        String link = publicUrl.get() + "/reset#token=" + token;
        String text = String.join("\n",
                words.get("mail.greeting", user.displayName()), "",
                why, "",
                words.get("mail." + kind + ".openLink"),
                link, "",
                words.get("mail.orPasteCode"), "",
                token, "",
                words.get("mail.worksUntil", until), "",
                ignore, "",
                words.get("mail.notYou") + " " + words.get("mail.notYou.reset"),
                reportLink(report), "");
        String html = words.html(
                words.p(escape(words.get("mail.greeting", user.displayName())))
                + words.p(escape(why))
                + words.p(words.link(link, escape(words.get("mail." + kind + ".linkText"))))
                + words.p(escape(words.get("mail.orPasteCode")))
                + words.p(words.code(token))
                + words.p(escape(words.get("mail.worksUntil", until)))
                + words.p(escape(ignore))
                + words.p(escape(words.get("mail.notYou")) + " "
                        + words.link(reportLink(report), escape(words.get("mail.notYou.reset")))));
        return new Letter(user.email(), words.get("mail." + kind + ".subject"), text, html, List.of(token, report));
    }

    /**
     * An email that tells of something done to the account ({@code kind}: the {@code mail.<kind>.} keys
     * of its subject and of when and from where), what it means ({@code effect}), and its "Not you?" link
     * ({@code notYouKey} says what it does), which holds the account: whoever did it knew the password.
     */
    private Letter notice(DbExecute db, MailJob job, User user, Words words, String kind, String effect,
                          String ifYouKey, String notYouKey) {
        String report = report(db, job, user, job.kind() == MailKind.PASSWORD_CHANGED
                ? ReportTokens.Event.PASSWORD_CHANGED : ReportTokens.Event.SECOND_FACTOR);
        String when = words.reader().when(job.createdAt());
        String changed = job.clientIp() == null ? words.get("mail." + kind + ".when", when)
                : words.get("mail." + kind + ".whenFrom", when, words.ltr(job.clientIp()));
        String text = String.join("\n",
                words.get("mail.greeting", user.displayName()), "",
                changed,
                effect, "",
                words.get(ifYouKey), "",
                words.get("mail.notYou") + " " + words.get(notYouKey),
                reportLink(report), "");
        String html = words.html(
                words.p(escape(words.get("mail.greeting", user.displayName())))
                + words.p(escape(changed) + "\n" + escape(effect))
                + words.p(escape(words.get(ifYouKey)))
                + words.p(escape(words.get("mail.notYou")) + " "
                        + words.link(reportLink(report), escape(words.get(notYouKey)))));
        return new Letter(user.email(), words.get("mail." + kind + ".subject"), text, html, List.of(report));
    }

    /**
     * The words of one email, in its reader's language. In a right-to-left language the HTML says
     * {@code dir="rtl"}, and links, codes and addresses stay left to right inside it: as their own
     * elements in HTML, between Unicode isolates in running text.
     */
    private record Words(Reader reader) {
        String get(String key, Object... args) {
            return Texts.get(reader.language(), key, args);
        }

        boolean rtl() {
            return Languages.rightToLeft(reader.language());
        }

        /** A left-to-right value inside a sentence. */
        String ltr(String value) {
            return rtl() ? "\u2066" + value + "\u2069" : value;
        }

        String html(String body) {
            return "<!DOCTYPE html>\n<html lang=\"" + reader.languageTag() + "\"" + (rtl() ? " dir=\"rtl\"" : "")
                    + "><body style=\"font-family: sans-serif; line-height: 1.5;\">\n" + body + "</body></html>\n";
        }

        String p(String content) {
            return "<p>" + content + "</p>\n";
        }

        String link(String href, String text) {
            return "<a href=\"" + escape(href) + "\">" + text + "</a>";
        }

        String code(String token) {
            return "<code dir=\"ltr\" style=\"font-size: 1.1em;\">" + token + "</code>";
        }
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
