package dev.latchkey.server;

import java.time.Clock;

import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

import io.helidon.http.Method;
import io.helidon.http.PathMatchers;
import io.helidon.logging.common.LogConfig;
import io.helidon.webserver.http.HttpRouting;

import dev.latchkey.server.config.CheckConfigCommand;
import dev.latchkey.server.config.ConfigLoader;
import dev.latchkey.server.db.CopyCommand;
import dev.latchkey.server.db.DatabaseInUseException;
import dev.latchkey.server.helpdesk.CaseRoutes;
import dev.latchkey.server.helpdesk.HelpdeskRoutes;
import dev.latchkey.server.http.ErrorHandling;
import dev.latchkey.server.http.ObserveAccess;
import dev.latchkey.server.http.SecurityHeaders;
import dev.latchkey.server.mfa.SecondFactorRoutes;
import dev.latchkey.server.password.Passwords;
import dev.latchkey.server.password.PolicyRoutes;
import dev.latchkey.server.report.ReportRoutes;
import dev.latchkey.server.retention.CleanupCommand;
import dev.latchkey.server.reset.PasswordResetRoutes;
import dev.latchkey.server.session.MeRoutes;
import dev.latchkey.server.session.SessionRoutes;
import dev.latchkey.server.user.UsersCommand;
import dev.latchkey.server.web.Favicon;
import dev.latchkey.server.web.PageRoutes;
import dev.latchkey.server.web.PageStrings;

/**
 * {@code java -jar auth-server.jar [serve] [--config FILE]} serves ({@code serve --check-config} checks
 * the configuration instead, see {@link CheckConfigCommand});
 * {@code ... users add|list ...} manages accounts (see {@link UsersCommand});
 * {@code ... db copy-to-postgresql ...} moves from the embedded Derby to PostgreSQL (see {@link CopyCommand});
 * {@code ... db cleanup} deletes what is past its retention (see {@link CleanupCommand}).
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        CommandLine cli;
        try {
            cli = CommandLine.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(CommandLine.USAGE);
            System.exit(2);
            return;
        }
        if (cli.command().isPresent() || cli.checkConfig()) {
            // A command prints its own outcome; library chatter would bury it.
            Logger.getLogger("").setLevel(Level.SEVERE);
            System.exit(command(cli));
            return;
        }
        LogConfig.configureRuntime();
        serve(cli);
    }

    private static int command(CommandLine cli) {
        if (cli.checkConfig()) {
            return new CheckConfigCommand(System.out, System.err).run(cli.configFile());
        }
        if (cli.command().get().equals("users")) {
            return new UsersCommand(System.in, System.out, System.err).run(cli);
        }
        return cli.words().size() > 1 && cli.words().get(1).equals("cleanup")
                ? new CleanupCommand(System.out, System.err, Clock.systemUTC()).run(cli)
                : new CopyCommand(System.in, System.out, System.err, Clock.systemUTC()).run(cli);
    }

    /** The API's routes; tests build the same routing. */
    public static void routing(HttpRouting.Builder routing, Api api) {
        routing.addFilter(new SecurityHeaders())
                .addFilter(api.allowedHosts())
                .addFilter(api.observeAccess());
        ErrorHandling.register(routing, api.staffRefusals());
        routing.register("/api/v1/password-resets", new PasswordResetRoutes(api.resets(), api.clientIp(),
                        api.resetTokenTtl()))
                .register("/api/v1/sessions", new SessionRoutes(api.sessions(), api.clientIp()))
                .register("/api/v1/me/second-factor", new SecondFactorRoutes(api.secondFactors(), api.sessions(),
                        api.clientIp()))
                .register("/api/v1/me", new MeRoutes(api.sessions(), api.passwordChange(), api.clientIp()))
                .register("/api/v1/password-policy", new PolicyRoutes(api.policy()))
                .register("/api/v1/reports", new ReportRoutes(api.reports(), api.clientIp()))
                .register("/api/v1/helpdesk/cases", new CaseRoutes(api.cases(), api.sessions(), api.clientIp()))
                .register("/api/v1/helpdesk", new HelpdeskRoutes(api.helpdesk(), api.factorRemovals(), api.sessions(),
                        api.clientIp()))
                .register("/reset", new PageRoutes("reset", true))
                .register("/report", new PageRoutes("report", false))
                .register(new PageStrings(api.policy()))
                .register(new Favicon())
                // Health is the observe feature's; its other methods get 405 here (no route is a 404).
                .route(method -> !method.equals(Method.GET), PathMatchers.exact(ObserveAccess.HEALTH),
                        ErrorHandling.allowOnly(Method.GET));
    }

    private static void serve(CommandLine cli) {
        Passwords.preload();
        AuthServer server;
        try {
            server = AuthServer.start(ConfigLoader.load(cli.configFile(), Map.of()), Clock.systemUTC());
        } catch (DatabaseInUseException | IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "latchkey-shutdown"));
        System.out.println("Latchkey auth server listening on " + server.baseUri());
    }
}
