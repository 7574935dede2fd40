package dev.latchkey.desktop.language;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.latchkey.i18n.BundleAudit;

/**
 * The desktop's translations against English, the base bundle (BundleAudit): a file for every
 * language the app offers, English's keys and no others, the same placeholders, plain UTF-8, nothing
 * left in English. Values with placeholders go through MessageFormat (Messages), the others do not.
 */
class BundlesTest {
    /**
     * Values that may read as in English, with why. {@code key} holds for every language,
     * {@code lang/key} for one. Keep it short.
     */
    private static final Map<String, String> SAME_AS_ENGLISH = Map.of(
            "app.name", "the product's name",
            "field.email.prompt", "an example address, not words",
            "common.facts", "only a separator between two facts",
            "helpdesk.audit.ip", "IP, the abbreviation every language uses",
            "helpdesk.case.ip", "IP, the abbreviation every language uses",
            "password.rule.state", "only a rule and its state, joined by punctuation",
            "de/helpdesk.cases.status", "German says Status too",
            "de/helpdesk.case.status", "German says Status too");

    @Test
    void everyOfferedLanguageMatchesEnglish() {
        assertThat(new BundleAudit(Path.of("src/main/resources/dev/latchkey/desktop/messages.properties"),
                value -> value.contains("{"), SAME_AS_ENGLISH).problems()).isEmpty();
    }
}
