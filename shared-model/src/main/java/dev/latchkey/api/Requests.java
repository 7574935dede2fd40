package dev.latchkey.api;

/** Request bodies of the API v1. */
public final class Requests {
    private Requests() {
    }

    public record ResetRequest(String email) {
    }

    public record TokenRequest(String token) {
    }

    /** {@code secondFactor}: a code or a recovery code, for an account that has a second factor; else null. */
    public record CompleteResetRequest(String token, String newPassword, String secondFactor) {
        public CompleteResetRequest(String token, String newPassword) {
            this(token, newPassword, null);
        }
    }

    /** {@code secondFactor}: a code or a recovery code, for an account that has a second factor; else null. */
    public record SignInRequest(String email, String password, String secondFactor) {
        public SignInRequest(String email, String password) {
            this(email, password, null);
        }
    }

    /** Starts an enrolment, or a change of the factor ({@code secondFactor} then proves the current one). */
    public record SecondFactorRequest(String currentPassword, String secondFactor) {
    }

    /** The first code of a new factor, which makes the enrolment count. */
    public record ConfirmSecondFactorRequest(String code) {
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
