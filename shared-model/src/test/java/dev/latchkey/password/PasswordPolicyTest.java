package dev.latchkey.password;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PasswordPolicyTest {
    private final PasswordPolicy policy = PasswordPolicy.defaults();

    @Test
    void checkWhenLongUnrelatedPhraseThenAcceptable() {
        PasswordCheck check = policy.check("velvet tractor orbits quietly", "jane@example.com");
        assertThat(check.broken()).isEmpty();
        assertThat(check.acceptable()).isTrue();
        assertThat(check.score()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void checkWhenShortThenMinLengthBroken() {
        assertThat(policy.check("Tr0ub4dor&3", null).broken()).contains(PasswordRule.MIN_LENGTH);
    }

    @Test
    void checkCountsCodePointsAfterNfkc() {
        // Fifteen emoji are fifteen characters, not thirty UTF-16 units.
        String emoji = "\uD83D\uDE00".repeat(14);
        assertThat(policy.check(emoji, null).length()).isEqualTo(14);
        assertThat(policy.check(emoji, null).broken()).contains(PasswordRule.MIN_LENGTH);
        // The ligature "ﬁ" is two characters after NFKC.
        assertThat(policy.check("\uFB01", null).length()).isEqualTo(2);
    }

    @Test
    void checkWhenOverMaxLengthThenRefusedWithoutScoring() {
        PasswordCheck check = policy.check("x".repeat(257), null);
        assertThat(check.broken()).contains(PasswordRule.MAX_LENGTH);
    }

    @Test
    void checkWhenCommonLongPasswordThenBlocklisted() {
        assertThat(policy.check("PasswordPassword", null).broken()).contains(PasswordRule.NOT_COMMON);
        assertThat(policy.check("correcthorsebatterystaple", null).broken()).contains(PasswordRule.NOT_COMMON);
    }

    @Test
    void checkWhenContainsEmailLocalPartThenRefused() {
        PasswordCheck check = policy.check("quiet-Janedoe-harbor-lamp", "janedoe@example.com");
        assertThat(check.broken()).contains(PasswordRule.NOT_EMAIL_NAME);
        assertThat(policy.check("quiet-harbor-lamp-velvet", "janedoe@example.com").broken())
                .doesNotContain(PasswordRule.NOT_EMAIL_NAME);
    }

    @Test
    void checkWhenPredictableThenStrengthBroken() {
        PasswordCheck check = policy.check("aaaaaaaaaaaaaaaaaaaa", null);
        assertThat(check.broken()).contains(PasswordRule.STRENGTH);
    }

    @Test
    void failuresGiveOneLinePerBrokenRule() {
        PasswordCheck check = policy.check("jane", "jane@example.com");
        assertThat(policy.failures(check, java.util.Locale.ENGLISH)).hasSameSizeAs(check.broken()).hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    void constructorWhenMinLengthBelowEightThenRejected() {
        assertThatThrownBy(() -> new PasswordPolicy(7, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new PasswordPolicy(8, 3).minLength()).isEqualTo(8);
    }

    @Test
    void describeTellsTheRules() {
        assertThat(policy.describe().minLength()).isEqualTo(15);
        assertThat(policy.describe().maxLength()).isEqualTo(256);
        assertThat(policy.describe().blocklistEnabled()).isTrue();
        assertThat(policy.describe().minScore()).isEqualTo(3);
    }
}
