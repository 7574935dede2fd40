package dev.latchkey.desktop.language;

import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.logging.Logger;

import dev.latchkey.desktop.AppContext;
import dev.latchkey.desktop.Messages;
import dev.latchkey.i18n.Languages;

/** The language menu: the offered languages, the one spoken now, and a choice that is remembered. */
public final class LanguageViewModel {
    private static final Logger LOG = Logger.getLogger(LanguageViewModel.class.getName());

    private final AppContext context;

    public LanguageViewModel(AppContext context) {
        this.context = context;
    }

    public List<Locale> offered() {
        return Languages.SUPPORTED;
    }

    public Locale current() {
        return context.messages().locale();
    }

    /** Speaks the language from now on, and at the next start (unless {@code --lang} says otherwise). */
    public void choose(Locale language) {
        if (language.equals(current())) {
            return;
        }
        try {
            context.languagePreference().remember(language);
        } catch (UncheckedIOException e) {
            // Not remembering is no reason to refuse the language for this session.
            LOG.warning(() -> "Language not remembered: " + e.getMessage());
        }
        context.messagesProperty().set(Messages.load(language));
    }
}
