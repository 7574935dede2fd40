package dev.latchkey.desktop.secondfactor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import dev.latchkey.api.Responses.SecondFactorEnrolment;
import dev.latchkey.api.Responses.SecondFactorStatus;
import dev.latchkey.api.Responses.SessionResponse;
import dev.latchkey.desktop.AppContext;
import dev.latchkey.desktop.ScreenModel;
import dev.latchkey.desktop.client.ApiError;
import dev.latchkey.desktop.navigation.Navigation;
import dev.latchkey.desktop.navigation.Screen;

/**
 * The second factor of the signed-in account, in three steps: the overview (its state, and the current
 * password, with a code once there is a factor, for any change), the new key (a QR code and the key in
 * Base32, and its first code), and the recovery codes (shown once, with "save to file").
 */
public final class SecondFactorViewModel extends ScreenModel {
    public enum Step { OVERVIEW, SCAN, CODES }

    private final ObjectProperty<Step> step = new SimpleObjectProperty<>(Step.OVERVIEW);
    private final BooleanProperty enabled = new SimpleBooleanProperty();
    private final StringProperty status = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final SecondFactorInput proof = new SecondFactorInput();
    private final StringProperty uri = new SimpleStringProperty("");
    private final StringProperty secret = new SimpleStringProperty("");
    private final StringProperty firstCode = new SimpleStringProperty("");
    private final ObjectProperty<List<String>> recoveryCodes = new SimpleObjectProperty<>(List.of());
    private final StringProperty success = new SimpleStringProperty("");
    private final StringProperty notice = new SimpleStringProperty("");
    private final BooleanBinding canChange;
    private final BooleanBinding canConfirm;

    public SecondFactorViewModel(AppContext context, Navigation navigator) {
        super(context, navigator);
        notice.set(context.notice().get());
        context.notice().set("");
        canChange = Bindings.createBooleanBinding(() -> !password.get().isEmpty()
                        && (!enabled.get() || proof.presentProperty().get()) && !busyProperty().get(),
                password, enabled, proof.presentProperty(), busyProperty());
        canConfirm = Bindings.createBooleanBinding(() -> firstCode.get().strip().replace(" ", "").matches("\\d{6}")
                && !busyProperty().get(), firstCode, busyProperty());
    }

    public ObjectProperty<Step> stepProperty() {
        return step;
    }

    public BooleanProperty enabledProperty() {
        return enabled;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    /** A code of the current factor, which every change of it needs. */
    public SecondFactorInput proof() {
        return proof;
    }

    /** The new key's {@code otpauth://} URI, which the view draws as a QR code. */
    public StringProperty uriProperty() {
        return uri;
    }

    /** The new key in Base32, in groups of four for typing in by hand. */
    public StringProperty secretProperty() {
        return secret;
    }

    public StringProperty firstCodeProperty() {
        return firstCode;
    }

    public ObjectProperty<List<String>> recoveryCodesProperty() {
        return recoveryCodes;
    }

    /** Why the screen came up by itself: a staff account that needs a second factor. */
    public StringProperty noticeProperty() {
        return notice;
    }

    public StringProperty successProperty() {
        return success;
    }

    public BooleanBinding canChangeProperty() {
        return canChange;
    }

    public BooleanBinding canConfirmProperty() {
        return canConfirm;
    }

    public void load() {
        String session = token();
        if (session == null) {
            navigator.show(Screen.SIGN_IN);
            return;
        }
        call(() -> context.client().secondFactorStatus(session), this::show, this::failed);
    }

    /** A new key for the authenticator app (replacing the current factor once its first code comes). */
    public void begin() {
        if (!canChange.get()) {
            return;
        }
        String current = password.get();
        String code = enabled.get() ? proof.value() : null;
        success.set("");
        call(() -> context.client().beginSecondFactor(token(), current, code), this::scan, this::failed);
    }

    public void confirm() {
        if (!canConfirm.get()) {
            return;
        }
        String code = firstCode.get().strip().replace(" ", "");
        call(() -> context.client().confirmSecondFactor(token(), code), this::codes, failure -> {
            firstCode.set("");
            failed(failure);
        });
    }

    public void replaceRecoveryCodes() {
        if (!canChange.get() || !enabled.get()) {
            return;
        }
        String current = password.get();
        String code = proof.value();
        success.set("");
        call(() -> context.client().replaceRecoveryCodes(token(), current, code), this::codes, this::failed);
    }

    public void remove() {
        if (!canChange.get() || !enabled.get()) {
            return;
        }
        String current = password.get();
        String code = proof.value();
        success.set("");
        call(() -> {
            context.client().removeSecondFactor(token(), current, code);
            return null;
        }, done -> {
            clearProof();
            success.set(text().get("secondFactor.removed"));
            load();
        }, this::failed);
    }

    /** Back from the new key without its first code: nothing changed. */
    public void cancel() {
        forgetKey();
        step.set(Step.OVERVIEW);
    }

    /**
     * The codes are saved or written down: they are not shown again. Staff sent here at sign-in go on
     * to the help desk, which now answers them.
     */
    public void finish() {
        recoveryCodes.set(List.of());
        SessionResponse session = context.session().get();
        if (session != null && session.secondFactorSetupRequired()) {
            context.session().set(new SessionResponse(session.token(), session.expiresAt(), session.user(), false));
            navigator.show(Screen.HELPDESK);
            return;
        }
        step.set(Step.OVERVIEW);
        load();
    }

    /**
     * Writes the recovery codes to {@code file}, readable by its owner only. Returns whether it worked;
     * the error line says why not.
     */
    public boolean saveRecoveryCodes(Path file) {
        String body = text().get("secondFactor.codes.fileHeader") + System.lineSeparator() + System.lineSeparator()
                + String.join(System.lineSeparator(), recoveryCodes.get()) + System.lineSeparator();
        try {
            Files.deleteIfExists(file);
            Files.createFile(file);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // Not a POSIX file system: the folder's rights apply.
            }
            Files.writeString(file, body, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
            success.set(text().get("secondFactor.codes.saved", file.getFileName()));
            return true;
        } catch (IOException e) {
            errorProperty().set(text().get("secondFactor.codes.notSaved", file));
            return false;
        }
    }

    public void backToAccount() {
        navigator.show(Screen.ACCOUNT);
    }

    private void show(SecondFactorStatus now) {
        enabled.set(now.enabled());
        status.set(now.enabled() ? text().get("account.secondFactor.on", now.recoveryCodesLeft())
                : text().get("account.secondFactor.off"));
    }

    private void scan(SecondFactorEnrolment enrolment) {
        clearProof();
        uri.set(enrolment.uri());
        secret.set(enrolment.secret().replaceAll("(.{4})(?!$)", "$1 "));
        firstCode.set("");
        step.set(Step.SCAN);
    }

    private void codes(List<String> codes) {
        clearProof();
        forgetKey();
        recoveryCodes.set(List.copyOf(codes));
        step.set(Step.CODES);
    }

    private void clearProof() {
        password.set("");
        proof.clear();
    }

    private void forgetKey() {
        uri.set("");
        secret.set("");
        firstCode.set("");
    }

    private void failed(Exception failure) {
        if (failure instanceof ApiError e && e.kind() == ApiError.Kind.UNAUTHORIZED) {
            context.session().set(null);
            context.notice().set(text().get("error.unauthorized"));
            navigator.show(Screen.SIGN_IN);
            return;
        }
        if (failure instanceof ApiError e && e.kind() == ApiError.Kind.INVALID_SECOND_FACTOR) {
            proof.clear();
        }
        showError(failure);
    }

    private String token() {
        SessionResponse session = context.session().get();
        return session == null ? null : session.token();
    }
}
