package dev.latchkey.password;

import java.util.List;

/**
 * The outcome of checking one password against the policy.
 *
 * @param length the length in code points after NFKC normalization
 * @param score  the zxcvbn score, 0 to 4 (0 when the password was too long to score)
 * @param broken the rules the password breaks, in the policy's order; empty when it is acceptable
 */
public record PasswordCheck(int length, int score, List<PasswordRule> broken) {
    public PasswordCheck {
        broken = List.copyOf(broken);
    }

    public boolean acceptable() {
        return broken.isEmpty();
    }

    public boolean passes(PasswordRule rule) {
        return !broken.contains(rule);
    }
}
