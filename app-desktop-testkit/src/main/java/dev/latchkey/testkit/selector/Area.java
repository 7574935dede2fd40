package dev.latchkey.testkit.selector;

import java.util.List;

/**
 * A part of the app that publishes {@code fx:id}s, and the files (under app-desktop's
 * {@code dev/latchkey/desktop} sources and resources) that set them. The same id may mean different
 * controls in different areas ({@code email} is a field on sign in and a label on the account), so
 * an id is only ever looked up inside its area.
 */
public enum Area {
    HEADER("Window header (every screen)", "MainWindow.java"),
    STARTUP("Start-up splash", "LatchkeyApp.java"),
    SETUP("First run: create the administrator", "setup/SetupView.fxml"),
    SIGN_IN("Sign in", "signin/SignInView.fxml"),
    FORGOT("Forgot password: email entry", "reset/ForgotView.fxml"),
    CODE("Reset code entry", "reset/TokenView.fxml"),
    NEW_PASSWORD("New password", "reset/NewPasswordView.fxml"),
    PASSWORD_FIELDS("New-password fields (inside first run, new password and account)",
            "password/NewPasswordFields.fxml", "password/PasswordChecklist.java"),
    SECOND_FACTOR_FIELDS("Second-factor code fields (inside sign in, new password and second factor)",
            "secondfactor/SecondFactorFields.fxml"),
    DONE("Done", "reset/DoneView.fxml"),
    REPORT("\"Not you?\" report", "report/ReportView.fxml"),
    ACCOUNT("Account", "account/AccountView.fxml"),
    SECOND_FACTOR("Second factor: set up, recovery codes, turn off", "secondfactor/SecondFactorView.fxml"),
    MAILBOX("Local mailbox", "mailbox/MailboxView.fxml"),
    HELPDESK("Help desk", "helpdesk/HelpdeskView.fxml"),
    HELPDESK_DIALOGS("Help-desk dialogs (send a reset, invite)", "helpdesk/HelpdeskDialogs.java");

    private final String title;
    private final List<String> sources;

    Area(String title, String... sources) {
        this.title = title;
        this.sources = List.of(sources);
    }

    public String title() {
        return title;
    }

    /** Where the ids are set: FXML under the resources, Java under the sources of {@code dev.latchkey.desktop}. */
    public List<String> sources() {
        return sources;
    }
}
