package dev.latchkey.testkit.page;

import java.util.Arrays;
import java.util.List;

import javafx.scene.control.TextArea;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;

import dev.latchkey.desktop.navigation.Screen;
import dev.latchkey.testkit.LatchkeyWindow;
import dev.latchkey.testkit.selector.FxId;

/** The account's second factor: set up an authenticator app, recovery codes, turn it off. */
public final class SecondFactorPage extends Page<SecondFactorPage> {
    public SecondFactorPage(LatchkeyWindow window) {
        super(window, Screen.SECOND_FACTOR);
    }

    /** Waits until the factor's state came from the server; returns it in words. */
    public String status() {
        return awaitText(FxId.FACTOR_STATUS);
    }

    /** Why the screen came up by itself, if it did. */
    public String notice() {
        return awaitText(FxId.FACTOR_NOTICE);
    }

    /** "I have saved them" for staff sent here at sign-in: on to the help desk. */
    public HelpdeskPage doneToHelpdesk() {
        click(FxId.FACTOR_RECOVERY_CODES_DONE);
        return new HelpdeskPage(window);
    }

    public SecondFactorPage currentPassword(String password) {
        type(FxId.FACTOR_PASSWORD, password);
        return this;
    }

    /** A code of the current factor, which changing it needs. */
    public SecondFactorPage secondFactor(String code) {
        typeSecondFactor(code);
        return this;
    }

    public SecondFactorPage useRecoveryCode() {
        click(FxId.SECOND_FACTOR_USE_RECOVERY_CODE);
        return this;
    }

    /** Starts the set-up (password typed first) and waits for the new key's QR code. */
    public SecondFactorPage setUp() {
        click(FxId.FACTOR_SET_UP);
        LatchkeyWindow.await(() -> visible(FxId.FACTOR_QR_CODE)
                && window.<ImageView>node(FxId.FACTOR_QR_CODE).getImage() != null, () -> "the QR code");
        return this;
    }

    /** The QR code as drawn, for a test to read as an authenticator app's camera would. */
    public Image qrCode() {
        return window.<ImageView>node(FxId.FACTOR_QR_CODE).getImage();
    }

    /** The new key as shown for typing in: Base32 in groups of four. */
    public String secretKey() {
        return text(FxId.FACTOR_SECRET_KEY);
    }

    public SecondFactorPage firstCode(String code) {
        type(FxId.FACTOR_FIRST_CODE, code);
        return this;
    }

    /** Confirms the first code and waits for the recovery codes. */
    public SecondFactorPage confirm() {
        click(FxId.FACTOR_CONFIRM);
        LatchkeyWindow.await(() -> visible(FxId.FACTOR_RECOVERY_CODES), () -> "the recovery codes");
        return this;
    }

    /** Confirms a code the server refuses; returns its words. */
    public String confirmRefused() {
        click(FxId.FACTOR_CONFIRM);
        return awaitText(FxId.FACTOR_ERROR);
    }

    /** The recovery codes shown (after {@link #confirm()} or {@link #newRecoveryCodes()}). */
    public List<String> recoveryCodes() {
        return Arrays.stream(window.<TextArea>node(FxId.FACTOR_RECOVERY_CODES).getText().split("\n"))
                .filter(line -> !line.isBlank()).toList();
    }

    /** "I have saved them": back to the overview, with the state read again. */
    public SecondFactorPage done() {
        click(FxId.FACTOR_RECOVERY_CODES_DONE);
        LatchkeyWindow.await(() -> visible(FxId.FACTOR_OVERVIEW), () -> "the overview");
        return this;
    }

    /** Ten new recovery codes (password and code typed first); waits for them. */
    public SecondFactorPage newRecoveryCodes() {
        click(FxId.FACTOR_NEW_RECOVERY_CODES);
        LatchkeyWindow.await(() -> visible(FxId.FACTOR_RECOVERY_CODES), () -> "the new recovery codes");
        return this;
    }

    /** Turns the factor off (password and code typed first); returns the outcome's words. */
    public String turnOff() {
        click(FxId.FACTOR_TURN_OFF);
        LatchkeyWindow.await(() -> visible(FxId.FACTOR_SUCCESS) && !text(FxId.FACTOR_SUCCESS).isEmpty()
                || visible(FxId.FACTOR_ERROR) && !text(FxId.FACTOR_ERROR).isEmpty(), () -> "the outcome");
        return visible(FxId.FACTOR_SUCCESS) ? text(FxId.FACTOR_SUCCESS) : text(FxId.FACTOR_ERROR);
    }

    public String awaitError() {
        return awaitText(FxId.FACTOR_ERROR);
    }

    public AccountPage backToAccount() {
        click(FxId.FACTOR_BACK);
        return new AccountPage(window);
    }
}
