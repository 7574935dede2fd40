package dev.latchkey.desktop.client;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;


import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.latchkey.api.ErrorCode;
import dev.latchkey.api.ErrorResponse;
import dev.latchkey.api.Requests.CaseNoteRequest;
import dev.latchkey.api.Requests.ChangePasswordRequest;
import dev.latchkey.api.Requests.HelpdeskResetRequest;
import dev.latchkey.api.Requests.InviteRequest;
import dev.latchkey.api.Requests.CompleteResetRequest;
import dev.latchkey.api.Requests.ConfirmSecondFactorRequest;
import dev.latchkey.api.Requests.ResetRequest;
import dev.latchkey.api.Requests.SecondFactorRequest;
import dev.latchkey.api.Requests.SignInRequest;
import dev.latchkey.api.Requests.TokenRequest;
import dev.latchkey.api.Responses.AuditEntry;
import dev.latchkey.api.Responses.CaseDetail;
import dev.latchkey.api.Responses.CasePage;
import dev.latchkey.api.Responses.HelpdeskUser;
import dev.latchkey.api.Responses.Me;
import dev.latchkey.api.Responses.MessageResponse;
import dev.latchkey.api.Responses.PasswordPolicyView;
import dev.latchkey.api.Responses.RecoveryCodes;
import dev.latchkey.api.Responses.ReportOutcome;
import dev.latchkey.api.Responses.ReportView;
import dev.latchkey.api.Responses.SecondFactorEnrolment;
import dev.latchkey.api.Responses.SecondFactorRemoval;
import dev.latchkey.api.Responses.SecondFactorStatus;
import dev.latchkey.api.Responses.SessionResponse;
import dev.latchkey.api.Responses.VerifyResponse;
import dev.latchkey.api.Role;
import dev.latchkey.server.http.AllowedHosts;
import dev.latchkey.server.http.ClientIp;

/**
 * The API v1 over {@code java.net.http} and Jackson. Every method blocks (call it off the FX thread)
 * and either returns the success body or throws a typed {@link ApiError}.
 */
public final class AuthClient {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    /** Far above any answer the API gives (a page of the audit trail is some 100 KiB). */
    static final int MAX_BODY = 1024 * 1024;

    private final URI base;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    // Set on the FX thread when the user picks a language, read by the background calls.
    private volatile Locale language = Locale.ENGLISH;

    public AuthClient(URI base) {
        this(base, Optional.empty());
    }

    /** {@code trust}: the authorities an HTTPS server's certificate is checked against; the system's when empty. */
    public AuthClient(URI base, Optional<SSLContext> trust) {
        this.base = base;
        HttpClient.Builder http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(TIMEOUT);
        trust.ifPresent(http::sslContext);
        this.http = http.build();
    }

    public URI base() {
        return base;
    }

    /**
     * Whether {@code server} is another machine reached over plain http: passwords, session keys and
     * reset codes would cross the network unencrypted. Loopback names and addresses are this machine.
     */
    public static boolean plainHttpToAnotherMachine(URI server) {
        String host = server.getHost() == null ? "" : server.getHost().replaceAll("^\\[|]$", "");
        return "http".equalsIgnoreCase(server.getScheme())
                && !AllowedHosts.LOOPBACK.contains(host.toLowerCase(Locale.ROOT)) && !ClientIp.isLoopback(host);
    }

    /**
     * The language every request asks for ({@code Accept-Language}): the server words its messages and
     * the account's emails in it.
     */
    public void language(Locale language) {
        this.language = language;
    }

    public PasswordPolicyView passwordPolicy() throws ApiError {
        return send("GET", "/api/v1/password-policy", null, null, PasswordPolicyView.class);
    }

    public String requestReset(String email) throws ApiError {
        return send("POST", "/api/v1/password-resets", new ResetRequest(email), null, MessageResponse.class).message();
    }

    public VerifyResponse verify(String token) throws ApiError {
        return send("POST", "/api/v1/password-resets/verify", new TokenRequest(token), null, VerifyResponse.class);
    }

    public String completeReset(String token, String newPassword) throws ApiError {
        return completeReset(token, newPassword, null);
    }

    /** {@code secondFactor}: a code or a recovery code when the token's account has a second factor, else null. */
    public String completeReset(String token, String newPassword, String secondFactor) throws ApiError {
        return send("POST", "/api/v1/password-resets/complete",
                new CompleteResetRequest(token, newPassword, secondFactor), null, MessageResponse.class).message();
    }

    /** What a "Not you?" link reports; reading it changes nothing. */
    public ReportView verifyReport(String token) throws ApiError {
        return send("POST", "/api/v1/reports/verify", new TokenRequest(token), null, ReportView.class);
    }

    /** Confirms a "Not you?" report; the link works once. */
    public ReportOutcome report(String token) throws ApiError {
        return send("POST", "/api/v1/reports", new TokenRequest(token), null, ReportOutcome.class);
    }

    public SessionResponse signIn(String email, String password) throws ApiError {
        return signIn(email, password, null);
    }

    /** {@code secondFactor}: a code or a recovery code when the server asked for one, else null. */
    public SessionResponse signIn(String email, String password, String secondFactor) throws ApiError {
        return send("POST", "/api/v1/sessions", new SignInRequest(email, password, secondFactor), null,
                SessionResponse.class);
    }

    public void signOut(String session) throws ApiError {
        send("DELETE", "/api/v1/sessions/current", null, session, Void.class);
    }

    public Me me(String session) throws ApiError {
        return send("GET", "/api/v1/me", null, session, Me.class);
    }

    public String changePassword(String session, String currentPassword, String newPassword) throws ApiError {
        return send("POST", "/api/v1/me/password", new ChangePasswordRequest(currentPassword, newPassword), session,
                MessageResponse.class).message();
    }

    public SecondFactorStatus secondFactorStatus(String session) throws ApiError {
        return send("GET", "/api/v1/me/second-factor", null, session, SecondFactorStatus.class);
    }

    /** A new key waiting for its first code; {@code secondFactor}: a code of the current factor, if any. */
    public SecondFactorEnrolment beginSecondFactor(String session, String currentPassword, String secondFactor)
            throws ApiError {
        return send("POST", "/api/v1/me/second-factor", new SecondFactorRequest(currentPassword, secondFactor),
                session, SecondFactorEnrolment.class);
    }

    public List<String> confirmSecondFactor(String session, String code) throws ApiError {
        return send("POST", "/api/v1/me/second-factor/confirm", new ConfirmSecondFactorRequest(code), session,
                RecoveryCodes.class).recoveryCodes();
    }

    public List<String> replaceRecoveryCodes(String session, String currentPassword, String secondFactor)
            throws ApiError {
        return send("POST", "/api/v1/me/second-factor/recovery-codes",
                new SecondFactorRequest(currentPassword, secondFactor), session, RecoveryCodes.class).recoveryCodes();
    }

    public void removeSecondFactor(String session, String currentPassword, String secondFactor) throws ApiError {
        send("POST", "/api/v1/me/second-factor/remove", new SecondFactorRequest(currentPassword, secondFactor),
                session, Void.class);
    }

    public List<HelpdeskUser> helpdeskUsers(String session, String query) throws ApiError {
        return List.of(send("GET", "/api/v1/helpdesk/users?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8),
                null, session, HelpdeskUser[].class));
    }

    public HelpdeskUser invite(String session, String email, String displayName, Role role) throws ApiError {
        return send("POST", "/api/v1/helpdesk/users", new InviteRequest(email, displayName, role), session,
                HelpdeskUser.class);
    }

    public void startReset(String session, long userId, String reason) throws ApiError {
        send("POST", "/api/v1/helpdesk/users/" + userId + "/password-reset", new HelpdeskResetRequest(reason), session,
                Void.class);
    }

    /** Asks for the removal of the user's second factor after the waiting time; says when it happens. */
    public SecondFactorRemoval removeSecondFactor(String session, long userId, String reason) throws ApiError {
        return send("POST", "/api/v1/helpdesk/users/" + userId + "/second-factor-removal",
                new HelpdeskResetRequest(reason), session, SecondFactorRemoval.class);
    }

    public void unlock(String session, long userId) throws ApiError {
        send("POST", "/api/v1/helpdesk/users/" + userId + "/unlock", null, session, Void.class);
    }

    /** Ends every session of the user, on every device. */
    public void endSessions(String session, long userId) throws ApiError {
        send("DELETE", "/api/v1/helpdesk/users/" + userId + "/sessions", null, session, Void.class);
    }

    /** The audit trail, newest first; {@code userId} and {@code before} (a row id, for paging) may be null. */
    public List<AuditEntry> audit(String session, Long userId, int limit, Long before) throws ApiError {
        StringBuilder path = new StringBuilder("/api/v1/helpdesk/audit?limit=").append(limit);
        if (userId != null) {
            path.append("&userId=").append(userId);
        }
        if (before != null) {
            path.append("&before=").append(before);
        }
        return List.of(send("GET", path.toString(), null, session, AuditEntry[].class));
    }

    /** The help-desk cases, open ones first, newest first. */
    /**
     * One page of the case queue: {@code status}, {@code kind} and {@code reference} narrow it when not
     * blank; {@code offset} cases come before the page.
     */
    public CasePage cases(String session, String status, String kind, String reference, int limit, int offset)
            throws ApiError {
        StringBuilder path = new StringBuilder("/api/v1/helpdesk/cases?limit=").append(limit).append("&offset=")
                .append(offset);
        for (String[] filter : new String[][] {{"status", status}, {"kind", kind}, {"reference", reference}}) {
            if (filter[1] != null && !filter[1].isBlank()) {
                path.append('&').append(filter[0]).append('=')
                        .append(URLEncoder.encode(filter[1].strip(), StandardCharsets.UTF_8));
            }
        }
        return send("GET", path.toString(), null, session, CasePage.class);
    }

    public CaseDetail caseDetail(String session, long caseId) throws ApiError {
        return send("GET", "/api/v1/helpdesk/cases/" + caseId, null, session, CaseDetail.class);
    }

    public CaseDetail acknowledgeCase(String session, long caseId) throws ApiError {
        return send("POST", "/api/v1/helpdesk/cases/" + caseId + "/acknowledge", null, session, CaseDetail.class);
    }

    public CaseDetail addCaseNote(String session, long caseId, String text) throws ApiError {
        return send("POST", "/api/v1/helpdesk/cases/" + caseId + "/notes", new CaseNoteRequest(text), session,
                CaseDetail.class);
    }

    public CaseDetail resolveCase(String session, long caseId) throws ApiError {
        return send("POST", "/api/v1/helpdesk/cases/" + caseId + "/resolve", null, session, CaseDetail.class);
    }

    /** Releases the hold on the case's account; the server emails its owner a fresh reset link. */
    public CaseDetail releaseHold(String session, long caseId) throws ApiError {
        return send("POST", "/api/v1/helpdesk/cases/" + caseId + "/release", null, session, CaseDetail.class);
    }

    private <T> T send(String method, String path, Object body, String session, Class<T> type) throws ApiError {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT)
                .header("Accept", "application/json")
                .header("Accept-Language", language.toLanguageTag())
                // Read each time: the machine's zone can change while the app runs. Emails give times in it.
                .header("X-Time-Zone", ZoneId.systemDefault().getId());
        if (session != null) {
            request.header("Authorization", "Bearer " + session);
        }
        try {
            if (body != null) {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)));
            } else {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            }
            HttpResponse<byte[]> response = http.send(request.build(), BoundedBody.handler(MAX_BODY));
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return type == Void.class || response.body().length == 0 ? null : json.readValue(response.body(), type);
            }
            throw error(status, response);
        } catch (JsonProcessingException e) {
            throw new ApiError(ApiError.Kind.SERVER_ERROR, "The server sent an answer this app does not understand.",
                    null, 0);
        } catch (SSLHandshakeException e) {
            throw new ApiError(ApiError.Kind.UNTRUSTED_SERVER, "The server at " + base
                    + " has a certificate this app does not trust.", null, 0);
        } catch (IOException e) {
            if (BoundedBody.tooLarge(e)) {
                throw new ApiError(ApiError.Kind.SERVER_ERROR, "The server at " + base + " sent an answer larger than "
                        + MAX_BODY + " bytes; this app does not read it.", null, 0);
            }
            throw new ApiError(ApiError.Kind.UNREACHABLE, "Cannot reach the Latchkey server at " + base + ".", null, 0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiError(ApiError.Kind.UNREACHABLE, "The request was interrupted.", null, 0);
        }
    }

    private ApiError error(int status, HttpResponse<byte[]> response) {
        long retryAfter = response.headers().firstValue("Retry-After").map(AuthClient::seconds).orElse(0L);
        try {
            ErrorResponse error = json.readValue(response.body(), ErrorResponse.class);
            return new ApiError(ApiError.kindOf(ErrorCode.fromWireName(error.error())), error.message(),
                    error.details(), retryAfter);
        } catch (IOException | IllegalArgumentException e) {
            ApiError.Kind kind = status >= 500 ? ApiError.Kind.SERVER_ERROR : ApiError.Kind.INVALID_REQUEST;
            // No words from the server: Messages.describe gives the user its own.
            return new ApiError(kind, null, null, retryAfter);
        }
    }

    private static long seconds(String value) {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

}
