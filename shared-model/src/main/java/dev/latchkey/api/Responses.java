package dev.latchkey.api;

import java.util.List;

/** Response bodies of the API v1. Times are ISO-8601 instants in UTC. */
public final class Responses {
    private Responses() {
    }

    public record MessageResponse(String message) {
    }

    /** {@code secondFactor}: the account has one, so the completion must send a code or a recovery code. */
    public record VerifyResponse(boolean valid, String email, String expiresAt, boolean secondFactor) {
    }

    public record UserSummary(long id, String email, String displayName, Role role) {
    }

    /**
     * {@code secondFactorSetupRequired}: the account's role needs a second factor and it has none yet;
     * the session works, but no help-desk route answers it until one is set up.
     */
    public record SessionResponse(String token, String expiresAt, UserSummary user, boolean secondFactorSetupRequired) {
    }

    public record Me(long id, String email, String displayName, Role role, String passwordChangedAt) {
    }

    /** Whether the caller's account has a second factor, and how many of its recovery codes are unused. */
    public record SecondFactorStatus(boolean enabled, int recoveryCodesLeft) {
    }

    /**
     * A new TOTP key waiting for its first code: {@code secret} in Base32 for typing in, {@code uri} the
     * {@code otpauth://totp/...} URI an authenticator app reads from a QR code. Shown once, never again.
     */
    public record SecondFactorEnrolment(String secret, String uri) {
        @Override
        public String toString() {
            return "SecondFactorEnrolment[]";
        }
    }

    /** Recovery codes, shown once: each works once, in place of a code. */
    public record RecoveryCodes(List<String> recoveryCodes) {
        @Override
        public String toString() {
            return "RecoveryCodes[" + recoveryCodes.size() + "]";
        }
    }

    public record PasswordPolicyView(int minLength, int maxLength, boolean blocklistEnabled, int minScore) {
    }

    /**
     * A user as help-desk staff see them: never a hash, a token or a password. Whether the account has a
     * second factor, and when one the help desk asked to remove goes (null when none is waiting).
     */
    public record HelpdeskUser(long id, String email, String displayName, Role role, boolean locked,
                               String passwordChangedAt, boolean secondFactor, String secondFactorRemovalDue) {
    }

    /** A second-factor removal the help desk asked for: when it happens unless the owner stops it. */
    public record SecondFactorRemoval(String dueAt) {
    }

    /** What became of an email: {@code status} is QUEUED, SENT, FAILED or DISCARDED. */
    public record Delivery(String status, int attempts, String lastError) {
    }

    /** One audit row; {@code delivery} is set when the event caused an email. */
    public record AuditEntry(long id, String at, String type, String userEmail, String actor, String ip,
                             String detail, Delivery delivery) {
    }

    /**
     * What a "Not you?" link reports, shown before the owner confirms: {@code event} is
     * RESET_REQUESTED, INVITATION or PASSWORD_CHANGED; {@code clientIp} is where the event came from
     * (null when unknown); {@code email} is masked.
     */
    public record ReportView(String event, String occurredAt, String clientIp, String email, String expiresAt) {
    }

    /**
     * What a confirmed report did: {@code held} tells whether the account is now held (every session
     * signed out, no password sign-in or self-service reset until the help desk releases it);
     * {@code reference} is the case's reference (never its number) to quote to the help desk;
     * {@code supportContact} how to reach them.
     */
    public record ReportOutcome(String event, boolean held, String reference, String message, String supportContact) {
    }

    /**
     * A help-desk case: {@code kind} REPORT (an owner's "Not you?"), SIGNAL (raised by the server;
     * {@code signal} names which: MANY_ADDRESSES_FROM_IP, MANY_REJECTED_TOKENS_FROM_IP, STAFF_ACCOUNT_RESET,
     * FAR_NETWORK_COMPLETE) or FACTOR_REMOVAL (a second factor staff asked to remove); {@code status}
     * OPEN, ACKNOWLEDGED or RESOLVED; {@code held} whether the account is held now. {@code userId}/
     * {@code userEmail} are null for a signal about an IP alone. {@code reference} is what the owner of
     * a report was told to quote (null for a case no owner was told of).
     */
    public record CaseSummary(long id, String kind, String signal, String status, String summary, Long userId,
                              String userEmail, String ip, boolean held, String openedAt, String updatedAt,
                              String reference) {
    }

    /**
     * One page of the case queue: the cases matching the filters, held accounts' first, then open and
     * acknowledged ones, newest first; {@code total} of them match in all, and {@code open} cases are
     * not resolved, whatever the filters.
     */
    public record CasePage(List<CaseSummary> cases, int total, int open) {
    }

    public record CaseNote(String at, String author, String text) {
    }

    /** A case with its notes (oldest first) and the audit events around it (newest first). */
    public record CaseDetail(CaseSummary summary, List<CaseNote> notes, List<AuditEntry> events) {
    }
}
