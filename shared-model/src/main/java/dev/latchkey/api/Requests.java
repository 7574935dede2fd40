package dev.latchkey.api;

/** Request bodies of the API v1. */
public final class Requests {
    private Requests() {
    }

    public record ResetRequest(String email) {
    }

    public record TokenRequest(String token) {
    }

    public record CompleteResetRequest(String token, String newPassword) {
    }

    public record SignInRequest(String email, String password) {
    }

    public record ChangePasswordRequest(String currentPassword, String newPassword) {
    }

    public record InviteRequest(String email, String displayName, Role role) {
    }

    public record HelpdeskResetRequest(String reason) {
    }

    public record CaseNoteRequest(String text) {
    }
}
