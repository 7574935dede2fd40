package dev.latchkey.desktop;

import javafx.util.Callback;

import dev.latchkey.desktop.account.AccountView;
import dev.latchkey.desktop.account.AccountViewModel;
import dev.latchkey.desktop.helpdesk.HelpdeskView;
import dev.latchkey.desktop.helpdesk.HelpdeskViewModel;
import dev.latchkey.desktop.mailbox.MailboxView;
import dev.latchkey.desktop.mailbox.MailboxViewModel;
import dev.latchkey.desktop.navigation.Navigator;
import dev.latchkey.desktop.password.NewPasswordFields;
import dev.latchkey.desktop.report.ReportView;
import dev.latchkey.desktop.report.ReportViewModel;
import dev.latchkey.desktop.reset.DoneView;
import dev.latchkey.desktop.reset.DoneViewModel;
import dev.latchkey.desktop.reset.ForgotView;
import dev.latchkey.desktop.reset.ForgotViewModel;
import dev.latchkey.desktop.reset.NewPasswordView;
import dev.latchkey.desktop.reset.NewPasswordViewModel;
import dev.latchkey.desktop.reset.TokenView;
import dev.latchkey.desktop.reset.TokenViewModel;
import dev.latchkey.desktop.secondfactor.SecondFactorFields;
import dev.latchkey.desktop.secondfactor.SecondFactorView;
import dev.latchkey.desktop.secondfactor.SecondFactorViewModel;
import dev.latchkey.desktop.setup.SetupView;
import dev.latchkey.desktop.setup.SetupViewModel;
import dev.latchkey.desktop.signin.SignInView;
import dev.latchkey.desktop.signin.SignInViewModel;

/** Builds each FXML controller with a fresh view-model. */
public final class Views {
    private Views() {
    }

    public static Callback<Class<?>, Object> factory(AppContext context, Navigator navigator) {
        return type -> {
            // Read at each load: the language may have changed since the factory was made.
            Messages text = context.messages();
            if (type == SignInView.class) {
                return new SignInView(new SignInViewModel(context, navigator), text);
            } else if (type == ForgotView.class) {
                return new ForgotView(new ForgotViewModel(context, navigator));
            } else if (type == TokenView.class) {
                return new TokenView(new TokenViewModel(context, navigator));
            } else if (type == NewPasswordView.class) {
                return new NewPasswordView(new NewPasswordViewModel(context, navigator), text);
            } else if (type == DoneView.class) {
                return new DoneView(new DoneViewModel(context, navigator));
            } else if (type == ReportView.class) {
                return new ReportView(new ReportViewModel(context, navigator));
            } else if (type == AccountView.class) {
                return new AccountView(new AccountViewModel(context, navigator), text);
            } else if (type == MailboxView.class) {
                return new MailboxView(new MailboxViewModel(context, navigator), text);
            } else if (type == SetupView.class) {
                return new SetupView(new SetupViewModel(context, navigator), text);
            } else if (type == HelpdeskView.class) {
                return new HelpdeskView(new HelpdeskViewModel(context, navigator), text);
            } else if (type == NewPasswordFields.class) {
                return new NewPasswordFields();
            } else if (type == SecondFactorFields.class) {
                return new SecondFactorFields();
            } else if (type == SecondFactorView.class) {
                return new SecondFactorView(new SecondFactorViewModel(context, navigator), text);
            }
            throw new IllegalArgumentException("No view for " + type.getName());
        };
    }
}
