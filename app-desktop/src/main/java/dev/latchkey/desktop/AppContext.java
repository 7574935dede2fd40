package dev.latchkey.desktop;

import java.util.Optional;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

import dev.latchkey.api.Responses.SessionResponse;
import dev.latchkey.api.Responses.VerifyResponse;
import dev.latchkey.desktop.client.AuthClient;
import dev.latchkey.desktop.embedded.LocalServer;
import dev.latchkey.desktop.language.LanguagePreference;
import dev.latchkey.desktop.task.BackgroundRunner;
import dev.latchkey.password.PasswordPolicy;

/**
 * What the screens share: the client, the runner, the policy, the language, and where the user is in a
 * journey.
 */
public final class AppContext {
    private final AuthClient client;
    private final BackgroundRunner runner;
    private final Optional<LocalServer> local;
    private final ObjectProperty<Messages> messages;
    private final LanguagePreference languagePreference;
    private final PasswordPolicy policy;
    private final ObjectProperty<SessionResponse> session = new SimpleObjectProperty<>();
    private final ObjectProperty<VerifiedToken> resetToken = new SimpleObjectProperty<>();
    private final ObjectProperty<String> reportToken = new SimpleObjectProperty<>();
    private final ObjectProperty<String> signInEmail = new SimpleObjectProperty<>("");
    private final ObjectProperty<String> notice = new SimpleObjectProperty<>("");

    /** A token the server verified, with what it told about it. */
    public record VerifiedToken(String token, VerifyResponse info) {
        @Override
        public String toString() {
            return "VerifiedToken[" + info.email() + "]";
        }
    }

    public AppContext(AuthClient client, BackgroundRunner runner, Optional<LocalServer> local, Messages messages,
                      PasswordPolicy policy, LanguagePreference languagePreference) {
        this.client = client;
        this.runner = runner;
        this.local = local;
        this.messages = new SimpleObjectProperty<>(messages);
        this.policy = policy;
        this.languagePreference = languagePreference;
        // The server words its answers and emails in the language the app speaks.
        client.language(messages.locale());
        this.messages.addListener((obs, old, now) -> client.language(now.locale()));
    }

    public AuthClient client() {
        return client;
    }

    public BackgroundRunner runner() {
        return runner;
    }

    public Optional<LocalServer> local() {
        return local;
    }

    public Messages messages() {
        return messages.get();
    }

    /** The language the app speaks; another one re-shows the window in it at once (see LatchkeyApp.show). */
    public ObjectProperty<Messages> messagesProperty() {
        return messages;
    }

    /** Where the language chosen in the menu is remembered. */
    public LanguagePreference languagePreference() {
        return languagePreference;
    }

    public PasswordPolicy policy() {
        return policy;
    }

    public ObjectProperty<SessionResponse> session() {
        return session;
    }

    public ObjectProperty<VerifiedToken> resetToken() {
        return resetToken;
    }

    /** The token of a "Not you?" link the user pasted, for the report screen. */
    public ObjectProperty<String> reportToken() {
        return reportToken;
    }

    /** The address to prefill on the sign-in screen. */
    public ObjectProperty<String> signInEmail() {
        return signInEmail;
    }

    /** A one-time message for the next screen ("Administrator created. Sign in."). */
    public ObjectProperty<String> notice() {
        return notice;
    }
}
