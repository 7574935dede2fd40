package dev.latchkey.desktop.reset;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import dev.latchkey.desktop.AppContext;
import dev.latchkey.desktop.ScreenModel;
import dev.latchkey.desktop.client.ApiError;
import dev.latchkey.desktop.navigation.Navigation;
import dev.latchkey.desktop.navigation.Screen;

/**
 * Token entry: the code or the whole link, verified (not used up) before going on. A "Not you?" link
 * pasted here is not a reset code: the screen offers to open the report instead.
 */
public final class TokenViewModel extends ScreenModel {
    // A token right after "report#token=" belongs to a "Not you?" link, never a reset code.
    private static final Pattern TOKEN = Pattern.compile(
            "(?<![A-Za-z0-9_-])(?<!report#token=)([A-Za-z0-9_-]{64})(?![A-Za-z0-9_-])");
    private static final Pattern REPORT_TOKEN = Pattern.compile("report#token=([A-Za-z0-9_-]{64})(?![A-Za-z0-9_-])");

    private final StringProperty input = new SimpleStringProperty("");
    private final StringProperty verifiedText = new SimpleStringProperty("");
    private final BooleanProperty verified = new SimpleBooleanProperty();
    private final BooleanProperty tokenRejected = new SimpleBooleanProperty();
    private final BooleanBinding canVerify;
    private final BooleanBinding reportOffered;

    public TokenViewModel(AppContext context, Navigation navigator) {
        super(context, navigator);
        canVerify = Bindings.createBooleanBinding(() -> extractToken(input.get()).isPresent() && !busyProperty().get(),
                input, busyProperty());
        // A pasted whole reset email holds both links: its reset code wins on this screen.
        reportOffered = Bindings.createBooleanBinding(() -> extractToken(input.get()).isEmpty()
                && extractReportToken(input.get()).isPresent(), input);
        input.addListener((obs, old, now) -> {
            verified.set(false);
            tokenRejected.set(false);
            errorProperty().set("");
        });
    }

    /** The reset token in what was pasted: the code alone, or a link whose fragment holds it. */
    public static Optional<String> extractToken(String pasted) {
        return find(TOKEN, pasted);
    }

    /** The token of a "Not you?" link ({@code .../report#token=...}) in what was pasted. */
    public static Optional<String> extractReportToken(String pasted) {
        return find(REPORT_TOKEN, pasted);
    }

    private static Optional<String> find(Pattern pattern, String pasted) {
        if (pasted == null) {
            return Optional.empty();
        }
        Matcher m = pattern.matcher(pasted.strip());
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    public StringProperty inputProperty() {
        return input;
    }

    public StringProperty verifiedTextProperty() {
        return verifiedText;
    }

    public BooleanProperty verifiedProperty() {
        return verified;
    }

    public BooleanProperty tokenRejectedProperty() {
        return tokenRejected;
    }

    public BooleanBinding canVerifyProperty() {
        return canVerify;
    }

    /** What was pasted is a "Not you?" link (and no reset code). */
    public BooleanBinding reportOfferedProperty() {
        return reportOffered;
    }

    public void verify() {
        Optional<String> token = extractToken(input.get());
        if (token.isEmpty() || busyProperty().get()) {
            return;
        }
        call(() -> context.client().verify(token.get()), info -> {
            context.resetToken().set(new AppContext.VerifiedToken(token.get(), info));
            verifiedText.set(text().get("token.verified", info.email(), text().when(info.expiresAt())));
            verified.set(true);
        }, failure -> {
            tokenRejected.set(failure instanceof ApiError e && e.kind() == ApiError.Kind.INVALID_TOKEN);
            showError(failure);
        });
    }

    /** Enter in the field: checks a reset code, or opens a pasted "Not you?" link. */
    public void submit() {
        if (reportOffered.get()) {
            openReport();
        } else {
            verify();
        }
    }

    public void openReport() {
        if (reportOffered.get()) {
            context.reportToken().set(extractReportToken(input.get()).orElseThrow());
            navigator.show(Screen.REPORT);
        }
    }

    public void proceed() {
        if (verified.get()) {
            navigator.show(Screen.NEW_PASSWORD);
        }
    }

    public void askAgain() {
        navigator.show(Screen.FORGOT);
    }

    public void backToSignIn() {
        navigator.show(Screen.SIGN_IN);
    }
}
