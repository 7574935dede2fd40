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
}
