package dev.latchkey.desktop.navigation;

/** The app's screens and their FXML. */
public enum Screen {
    SETUP("setup/SetupView.fxml"),
    SIGN_IN("signin/SignInView.fxml"),
    FORGOT("reset/ForgotView.fxml"),
    TOKEN("reset/TokenView.fxml"),
    NEW_PASSWORD("reset/NewPasswordView.fxml"),
    DONE("reset/DoneView.fxml"),
    REPORT("report/ReportView.fxml"),
    ACCOUNT("account/AccountView.fxml"),
    SECOND_FACTOR("secondfactor/SecondFactorView.fxml"),
    HELPDESK("helpdesk/HelpdeskView.fxml"),
    MAILBOX("mailbox/MailboxView.fxml");

    private final String fxml;

    Screen(String fxml) {
        this.fxml = fxml;
    }

    public String fxml() {
        return "/dev/latchkey/desktop/" + fxml;
    }
}
