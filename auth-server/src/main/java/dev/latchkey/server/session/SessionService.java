package dev.latchkey.server.session;

import java.util.Optional;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;

import dev.latchkey.api.ErrorCode;
import dev.latchkey.api.Responses.SessionResponse;
import dev.latchkey.server.audit.AuditEvent;
import dev.latchkey.server.audit.AuditLog;
import dev.latchkey.server.audit.AuditType;
import dev.latchkey.server.db.Database;
import dev.latchkey.server.helpdesk.HelpdeskService;
import dev.latchkey.server.http.ApiException;
import dev.latchkey.server.mfa.SecondFactorCheck;
import dev.latchkey.server.password.Passwords;
import dev.latchkey.server.i18n.Reader;
import dev.latchkey.server.metrics.Meters;
import dev.latchkey.server.ratelimit.Decision;
import dev.latchkey.server.ratelimit.RateLimits;
import dev.latchkey.server.user.User;
import dev.latchkey.server.user.Users;

/** Sign-in, sign-out, and who is calling. */
public final class SessionService {
    private static final String BEARER = "Bearer ";

    private final Database db;
    private final Users users;
    private final Sessions sessions;
    private final Passwords passwords;
    private final SecondFactorCheck secondFactors;
    private final AuditLog audit;
    private final RateLimits limits;
    private final Meters meters;

    public SessionService(Database db, Users users, Sessions sessions, Passwords passwords,
                          SecondFactorCheck secondFactors, AuditLog audit, RateLimits limits, Meters meters) {
        this.db = db;
        this.users = users;
        this.sessions = sessions;
        this.passwords = passwords;
        this.secondFactors = secondFactors;
        this.audit = audit;
        this.limits = limits;
        this.meters = meters;
    }

    /**
     * Signs in. An unknown email costs the same as a wrong password (a dummy hash is checked) and gets
     * the same answer; both count against the email's throttle and the client IP's. An account with a
     * second factor needs {@code secondFactor} too: without it a right password gets 401
     * {@code second_factor_required}, and the attempt stays counted against the address until a
     * sign-in succeeds, so the password cannot be tried unthrottled that way.
     */
    public SessionResponse signIn(String email, String password, Optional<String> secondFactor, String clientIp,
                                  Optional<Reader> reader) {
        // Both limits count the attempt before the password is checked; a success gives it back.
        limits.signInFailuresPerIp().hit(clientIp).throwIfRefused(this::throttled);
        Decision throttle = limits.signInPerEmail().attempt(db, email);
        if (!throttle.allowed()) {
            audit.record(db.execute(), AuditEvent.of(AuditType.SIGN_IN_THROTTLED, email, clientIp)
                    .withDetail("Too many failed sign-ins for this address; refused without checking the password"));
            throttle.throwIfRefused(this::throttled);
        }
        Optional<User> found = users.findByEmail(db.execute(), email);
        boolean ok = found.map(User::passwordHash).isPresent()
                ? passwords.matches(password, found.get().passwordHash())
                : passwords.matchesNothing(password);
        if (!ok) {
            throw wrongPassword(found.orElse(null), email, clientIp,
                    found.isPresent() ? "Wrong password" : "No account has this address");
        }
        if (found.get().held()) {
            // Answered exactly as a wrong password, and counted as one: a hold must not tell an attacker
            // who knows the password that the owner noticed.
            throw wrongPassword(found.get(), email, clientIp, "Right password, but the account is held after a report");
        }
        limits.signInFailuresPerIp().refund(clientIp);
        User user = found.get();
        if (user.secondFactor()) {
            secondFactors.verify(user, secondFactor.orElseThrow(SecondFactorCheck::required), clientIp, "at sign-in",
                    SecondFactorCheck.TransactionStep.NONE);
        }
        upgradeHashIfNeeded(user, password, clientIp);
        Optional<Sessions.Issued> issued = db.inTransaction(tx -> {
            // The password was checked outside this transaction (a hash takes a while): make the session
            // only if that password is still the account's and it is not held, holding the row so no
            // change or hold slips between.
            if (!users.lockIfPasswordVersion(tx, user.id(), user.passwordVersion())) {
                return Optional.empty();
            }
            limits.signInPerEmail().clear(tx, email);
            reader.ifPresent(known -> users.setReader(tx, user.id(), known));
            audit.record(tx, new AuditEvent(AuditType.SIGN_IN_SUCCEEDED, user.id(), user.email(), user.email(), clientIp,
                    null));
            return Optional.of(sessions.create(tx, user.id()));
        });
        SessionResponse response = issued.map(i -> new SessionResponse(i.token(), i.expiresAt().toString(),
                        user.summary(), secondFactors.setupRequired(user)))
                .orElseThrow(() -> wrongPassword(user, email, clientIp,
                        "Password changed or account held while signing in"));
        meters.signIn(Meters.SignIn.SUCCEEDED);
        return response;
    }

    public void signOut(Caller caller, String clientIp) {
        db.inTransaction(tx -> {
            sessions.revoke(tx, caller.sessionToken());
            audit.record(tx, new AuditEvent(AuditType.SIGNED_OUT, caller.user().id(), caller.user().email(),
                    caller.user().email(), clientIp, null));
            return null;
        });
    }

    /**
     * The caller of a staff route: a live session (else 401) of HELPDESK or ADMIN (else 403), whose
     * account has the second factor its role needs (else 403 {@code second_factor_setup_required}).
     */
    public Caller authenticateStaff(ServerRequest request) {
        Caller caller = authenticate(request);
        HelpdeskService.requireStaff(caller);
        secondFactors.requireSetUp(caller.user());
        return caller;
    }

    /**
     * The caller of a request with a live session, or 401. The caller is also kept in the request's
     * context, so that a refusal later in the request can say whom it refused ({@code StaffRefusals}).
     */
    public Caller authenticate(ServerRequest request) {
        String header = request.headers().first(HeaderNames.AUTHORIZATION).orElse("");
        if (!header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw ApiException.unauthorized();
        }
        String token = header.substring(BEARER.length()).strip();
        Caller caller = sessions.userOf(db.execute(), token)
                .flatMap(id -> users.findById(db.execute(), id))
                .map(user -> new Caller(user, token))
                .orElseThrow(ApiException::unauthorized);
        request.context().register(caller);
        return caller;
    }

    private void throttled() {
        meters.signIn(Meters.SignIn.THROTTLED);
    }

    private ApiException wrongPassword(User user, String email, String clientIp, String why) {
        meters.signIn(Meters.SignIn.FAILED);
        audit.record(db.execute(), new AuditEvent(AuditType.SIGN_IN_FAILED, user == null ? null : user.id(), email,
                null, clientIp, why));
        return ApiException.of(ErrorCode.INVALID_CREDENTIALS, "api.invalidCredentials");
    }

    private void upgradeHashIfNeeded(User user, String password, String clientIp) {
        if (!passwords.needsRehash(user.passwordHash())) {
            return;
        }
        String upgraded = passwords.hash(password);
        db.inTransaction(tx -> {
            users.upgradeHash(tx, user.id(), user.passwordHash(), upgraded);
            audit.record(tx, new AuditEvent(AuditType.PASSWORD_REHASHED, user.id(), user.email(), "system", clientIp,
                    "Stored hash upgraded to Argon2id at sign-in"));
            return null;
        });
    }
}
