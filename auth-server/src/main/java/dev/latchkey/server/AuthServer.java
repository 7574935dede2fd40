package dev.latchkey.server;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;

import io.helidon.config.Config;
import io.helidon.dbclient.health.DbClientHealthCheck;
import io.helidon.health.HealthCheck;
import io.helidon.metrics.api.MeterRegistry;
import io.helidon.metrics.api.Metrics;
import io.helidon.openapi.OpenApiFeature;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.observe.ObserveFeature;
import io.helidon.webserver.observe.health.HealthObserver;
import io.helidon.webserver.observe.metrics.MetricsObserver;

import dev.latchkey.password.PasswordPolicy;
import dev.latchkey.server.audit.AuditLog;
import dev.latchkey.server.cases.Cases;
import dev.latchkey.server.config.AuthSettings;
import dev.latchkey.server.config.DataDir;
import dev.latchkey.server.config.MailSettings;
import dev.latchkey.server.db.Database;
import dev.latchkey.server.db.Dialect;
import dev.latchkey.server.helpdesk.CaseService;
import dev.latchkey.server.helpdesk.HelpdeskService;
import dev.latchkey.server.helpdesk.StaffRefusals;
import dev.latchkey.server.http.AllowedHosts;
import dev.latchkey.server.http.CachedHealthCheck;
import dev.latchkey.server.http.ClientIp;
import dev.latchkey.server.http.ObserveAccess;
import dev.latchkey.server.http.ServerTls;
import dev.latchkey.server.http.TransportRefusals;
import dev.latchkey.server.mail.FileTransport;
import dev.latchkey.server.mail.MailJobs;
import dev.latchkey.server.mail.MailSender;
import dev.latchkey.server.mail.MailTransport;
import dev.latchkey.server.mail.SmtpTransport;
import dev.latchkey.server.metrics.Meters;
import dev.latchkey.server.mfa.FactorNotices;
import dev.latchkey.server.mfa.FactorRemovals;
import dev.latchkey.server.mfa.SecondFactorCheck;
import dev.latchkey.server.mfa.SecondFactorService;
import dev.latchkey.server.mfa.SecondFactors;
import dev.latchkey.server.mfa.SecretBox;
import dev.latchkey.server.password.PasswordChanges;
import dev.latchkey.server.password.Passwords;
import dev.latchkey.server.ratelimit.RateLimits;
import dev.latchkey.server.report.ReportService;
import dev.latchkey.server.report.ReportTokens;
import dev.latchkey.server.retention.Retention;
import dev.latchkey.server.reset.ResetLetters;
import dev.latchkey.server.reset.ResetService;
import dev.latchkey.server.reset.ResetTokens;
import dev.latchkey.server.session.CurrentPassword;
import dev.latchkey.server.session.PasswordChange;
import dev.latchkey.server.session.SessionService;
import dev.latchkey.server.session.Sessions;
import dev.latchkey.server.signal.Signals;
import dev.latchkey.server.user.Accounts;
import dev.latchkey.server.user.Users;

/**
 * A running auth server: the database (migrated), the web server and the mail sender, wired from
 * configuration and a clock. {@link Main} runs one; tests and the desktop app start their own.
 */
public final class AuthServer implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(AuthServer.class.getName());

    private final WebServer server;
    private final Database db;
    private final MailSender mailSender;
    private final FactorRemovals factorRemovals;
    private final Retention retention;
    private final URI publicUrl;
    private final AuthSettings settings;
    private final Accounts accounts;
    private final Runnable removeQueueGauges;

    private AuthServer(WebServer server, Database db, MailSender mailSender, FactorRemovals factorRemovals,
                       Retention retention, URI publicUrl, AuthSettings settings, Accounts accounts,
                       Runnable removeQueueGauges) {
        this.server = server;
        this.db = db;
        this.mailSender = mailSender;
        this.factorRemovals = factorRemovals;
        this.retention = retention;
        this.publicUrl = publicUrl;
        this.settings = settings;
        this.accounts = accounts;
        this.removeQueueGauges = removeQueueGauges;
    }

    public static AuthServer start(Config config, Clock clock) {
        LogGuard.apply();
        AuthSettings settings = AuthSettings.from(config);
        PasswordPolicy policy = settings.passwordPolicy();
        DataDir.prepare(settings.dataDir());
        // Micrometer's set-up needs nothing from the database: the two run side by side, on two cores.
        CompletableFuture<MeterRegistry> metrics = CompletableFuture.supplyAsync(Metrics::globalRegistry,
                task -> Thread.ofPlatform().daemon().name("latchkey-start").start(task));
        Database db = Database.open(config.get("db"));
        try {
            AtomicReference<URI> publicUrl = new AtomicReference<>();
            Users users = new Users();
            AuditLog audit = new AuditLog(clock);
            ResetTokens tokens = new ResetTokens(clock);
            Sessions sessions = new Sessions(clock, settings.sessionTtl(), settings.sessionIdleTimeout());
            MeterRegistry registry = joined(metrics);
            Meters meters = new Meters(registry);
            Passwords passwords = new Passwords(settings.maxConcurrentHashes(), meters::hashSlotWaited);
            RateLimits.Windows windows = new RateLimits.Windows(db, clock, settings.rateLimitsEnabled());
            RateLimits limits = RateLimits.create(windows, settings.helpdeskResetQuota(), settings.mfa().maxFailures(),
                    meters::rateLimited);
            Cases cases = new Cases(db.dialect(), clock);
            Signals signals = new Signals(db, cases, settings.signals(), windows);
            ReportTokens reportTokens = new ReportTokens(clock, settings.reportTokenTtl());
            MailSettings mail = settings.mail();
            MailJobs mailJobs = new MailJobs(db.dialect(), clock, mail.retryInitialDelay(), mail.retryMaxDelay(),
                    mail.maxAttempts());
            MailSender sender = new MailSender(db, mailJobs,
                    new ResetLetters(users, tokens, reportTokens, signals, audit, publicUrl::get,
                            settings.resetTokenTtl(), settings.inviteTokenTtl(), clock),
                    transport(mail, clock), audit, mail.from(), mail.pollInterval(), mail.lease());
            PasswordChanges changes = new PasswordChanges(users, passwords, policy, mailJobs, sender::wake, audit,
                    limits.weakPasswordsPerIp(), clock);
            SecondFactors factors = new SecondFactors(
                    SecretBox.load(settings.mfa().key(), settings.dataDir(), db.dialect().shared()), clock);
            FactorNotices factorNotices = new FactorNotices(mailJobs, sender::wake, audit);
            FactorRemovals factorRemovals = new FactorRemovals(db, users, factors, cases, factorNotices, meters,
                    limits.staffQuota(), settings.mfa().removalDelay(), clock);
            SecondFactorCheck factorCheck = new SecondFactorCheck(db, factors, limits, factorNotices, factorRemovals,
                    audit, meters, settings.mfa().requiredRoles(), clock);
            CurrentPassword currentPassword = new CurrentPassword(db, passwords, limits.signInPerEmail(), audit);
            ResetService resets = new ResetService(db, users, tokens, sessions, changes, mailJobs, sender::wake, audit,
                    limits, signals, factorCheck, meters, clock);
            ReportService reports = new ReportService(db, users, reportTokens, tokens, sessions, cases, audit, limits,
                    signals, settings.supportContact(), clock);
            SessionService sessionService = new SessionService(db, users, sessions, passwords, factorCheck, audit,
                    limits, meters);
            PasswordChange passwordChange = new PasswordChange(db, users, sessions, currentPassword, changes,
                    limits.signInPerEmail());
            SecondFactorService secondFactors = new SecondFactorService(db, factors, factorCheck, currentPassword,
                    factorNotices, audit, meters, settings.mfa().issuer(), clock);
            HelpdeskService helpdesk = new HelpdeskService(db, users, sessions, mailJobs, sender::wake, audit,
                    limits.signInPerEmail(), limits.staffQuota(), clock);
            CaseService caseService = new CaseService(helpdesk, db, users, cases, mailJobs, sender::wake, audit,
                    limits.staffQuota());
            ClientIp clientIp = new ClientIp(settings.trustedProxies());
            HealthCheck dbCheck = new CachedHealthCheck(DbClientHealthCheck.builder(db.client())
                    .query().statement(db.dialect().healthStatement()).build(), clock);
            String host = config.get("server.host").asString().orElse("127.0.0.1");
            Api api = new Api(resets, reports, sessionService, passwordChange, secondFactors, factorRemovals,
                    helpdesk, caseService,
                    policy, clientIp,
                    settings.resetTokenTtl(),
                    new AllowedHosts(allowedHosts(settings, host)),
                    new ObserveAccess(dbCheck, clientIp, settings.healthDetailsForAll(), settings.metricsForAll()),
                    StaffRefusals.create(db, clock, audit, clientIp));

            HealthObserver health = HealthObserver.builder()
                    .details(true)
                    .addCheck(dbCheck)
                    .build();
            WebServerConfig.Builder web = WebServer.builder()
                    .config(config.get("server"))
                    .directHandlers(TransportRefusals.all())
                    .addFeature(ObserveFeature.builder()
                            .addObserver(health)
                            .addObserver(MetricsObserver.create())
                            .build())
                    // The static API document at /openapi; Main.routing's filters guard it like any route.
                    .addFeature(OpenApiFeature.builder().staticFile("META-INF/openapi.yaml").build())
                    .routing(routing -> Main.routing(routing, api));
            Config tls = config.get("server.tls");
            if (tls.exists()) {
                web.tls(ServerTls.create(tls));
            }
            WebServer server = web.build().start();
            // Starting the web server re-reads the logging configuration, which resets levels.
            LogGuard.apply();
            publicUrl.set(settings.publicUrl().orElse(url(server, host)));
            warnAboutRiskySettings(settings, publicUrl.get(), db.dialect(),
                    config.get("db.connection.password").asString().orElse(""));
            sender.start();
            factorRemovals.start();
            Retention retention = new Retention(db, settings.retention(), clock, meters::retentionDeleted);
            retention.start();
            return new AuthServer(server, db, sender, factorRemovals, retention, publicUrl.get(), settings,
                    new Accounts(db, users, passwords, policy, audit, clock),
                    Meters.mailQueue(registry, () -> mailJobs.queue(db.execute()), clock));
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /** What {@code work} gave, or what it threw as it was thrown (the caller's error handling knows those). */
    private static <T> T joined(CompletableFuture<T> work) {
        try {
            return work.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /** {@code server.allowed-hosts}, or by default loopback names and the public URL's host. */
    private static Set<String> allowedHosts(AuthSettings settings, String host) {
        if (!settings.allowedHosts().isEmpty()) {
            return Set.copyOf(settings.allowedHosts());
        }
        Set<String> hosts = new HashSet<>(AllowedHosts.LOOPBACK);
        hosts.add(settings.publicUrl().map(URI::getHost).orElse(host));
        return hosts;
    }

    /** Settings that are fine on a desktop or in a benchmark, and dangerous anywhere else. */
    private static void warnAboutRiskySettings(AuthSettings settings, URI url, Dialect dialect, String dbPassword) {
        if (dialect.shared() && "latchkey".equals(dbPassword)) {
            LOG.warning("db.connection.password is the default one: give the PostgreSQL user its own password.");
        }
        if (!settings.rateLimitsEnabled()) {
            LOG.warning("auth.rate-limit.enabled is false: no request limits and no sign-in lockout."
                    + " Use this for benchmarks only.");
        }
        if ("http".equalsIgnoreCase(url.getScheme()) && !AllowedHosts.isLoopbackName(url.getHost())) {
            LOG.warning("auth.public-url " + url + " is plain http on a non-loopback address: reset links in"
                    + " emails would send tokens unencrypted. Serve it over https.");
        }
    }

    /**
     * {@code http://host:port}, or {@code https://} when {@code server.tls} is set, with an IPv6 host in
     * brackets ({@code server.host: "::1"}).
     */
    private static URI url(WebServer server, String host) {
        try {
            return new URI(server.hasTls() ? "https" : "http", null, host, server.port(), null, null, null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("server.host is not a host name or address: " + host, e);
        }
    }

    private static MailTransport transport(MailSettings mail, Clock clock) {
        return mail.transport().equals("smtp") ? new SmtpTransport(mail.smtp()) : new FileTransport(mail.outboxDir(), clock);
    }

    public int port() {
        return server.port();
    }

    /** Where this server's API answers, e.g. {@code http://127.0.0.1:8080}. */
    public URI baseUri() {
        return url(server, server.prototype().host());
    }

    public URI publicUrl() {
        return publicUrl;
    }

    public AuthSettings settings() {
        return settings;
    }

    public Database database() {
        return db;
    }

    /** Account creation in-process: the desktop's first-run set-up uses it when it embeds the server. */
    public Accounts accounts() {
        return accounts;
    }

    public MailSender mailSender() {
        return mailSender;
    }

    /** The second factors the help desk removes after a waiting time; tests carry them out at a moved clock. */
    public FactorRemovals factorRemovals() {
        return factorRemovals;
    }

    /** The retention job, which tests and benchmarks run at once instead of waiting for its schedule. */
    public Retention retention() {
        return retention;
    }

    @Override
    public void close() {
        server.stop();
        factorRemovals.close();
        mailSender.close();
        retention.close();
        removeQueueGauges.run();
        db.close();
    }
}
