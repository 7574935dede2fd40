package dev.latchkey.testkit.page;

import dev.latchkey.desktop.navigation.Screen;
import dev.latchkey.testkit.LatchkeyWindow;
import dev.latchkey.testkit.selector.FxId;

/** A screen holding the new-password fields and their live checklist: first run, new password, account. */
public abstract class PasswordFormPage<P extends PasswordFormPage<P>> extends Page<P> {
    protected PasswordFormPage(LatchkeyWindow window, Screen screen) {
        super(window, screen);
    }

    public P newPassword(String password) {
        type(FxId.PASSWORD_NEW, password);
        return self();
    }

    public P confirmPassword(String password) {
        type(FxId.PASSWORD_CONFIRM, password);
        return self();
    }

    /** Both fields at once, as most journeys want. */
    public P passwords(String password) {
        return newPassword(password).confirmPassword(password);
    }

    public P showPasswords() {
        click(FxId.PASSWORD_SHOW);
        return self();
    }

    /**
     * A checklist line ({@code PASSWORD_RULE_*}): it starts with {@code \u2713} when met, {@code \u2717} when
     * not, {@code \u2022} when only the server can tell.
     */
    public String rule(FxId line) {
        return text(line);
    }

    public boolean ruleMet(FxId line) {
        return rule(line).startsWith("\u2713");
    }

    /** Waits for the server's refusal, rule by rule, beside the fields. */
    public String awaitRuleErrors() {
        return awaitText(FxId.PASSWORD_RULE_ERRORS);
    }
}
