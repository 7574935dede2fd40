package dev.latchkey.api;

/** Response bodies of the API v1. Times are ISO-8601 instants in UTC. */
public final class Responses {
    private Responses() {
    }

    public record MessageResponse(String message) {
    }

    public record VerifyResponse(boolean valid, String email, String expiresAt) {
    }

    public record UserSummary(long id, String email, String displayName, Role role) {
    }

    public record SessionResponse(String token, String expiresAt, UserSummary user) {
    }

    public record Me(long id, String email, String displayName, Role role, String passwordChangedAt) {
    }

    public record PasswordPolicyView(int minLength, int maxLength, boolean blocklistEnabled, int minScore) {
    }

    /** A user as help-desk staff see them: never a hash, a token or a password. */
    public record HelpdeskUser(long id, String email, String displayName, Role role, boolean locked,
                               String passwordChangedAt) {
    }

    /** What became of an email: {@code status} is QUEUED, SENT, FAILED or DISCARDED. */
    public record Delivery(String status, int attempts, String lastError) {
    }

    /** One audit row; {@code delivery} is set when the event caused an email. */
    public record AuditEntry(long id, String at, String type, String userEmail, String actor, String ip,
                             String detail, Delivery delivery) {
    }
}
