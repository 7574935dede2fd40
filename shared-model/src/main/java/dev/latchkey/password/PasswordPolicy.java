package dev.latchkey.password;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

import com.nulabinc.zxcvbn.Zxcvbn;

import dev.latchkey.api.EmailAddress;
import dev.latchkey.api.Responses.PasswordPolicyView;

/**
 * The password policy (NIST SP 800-63B rev 4): a minimum and maximum length, any Unicode (NFKC
 * normalized), no composition rules, no common passwords, not the email's local part, and a minimum
 * zxcvbn score. The server enforces it and the desktop shows it live: one implementation for both.
 */
public final class PasswordPolicy {
    public static final int MAX_LENGTH = 256;
    public static final int LOWEST_MIN_LENGTH = 8;
    public static final int DEFAULT_MIN_LENGTH = 15;
    public static final int DEFAULT_MIN_SCORE = 3;
    /** Shorter local parts ("al@...") would forbid too many ordinary words to be useful. */
    static final int MIN_LOCAL_PART_TO_CHECK = 3;

    /** How many characters of a password zxcvbn looks at (see {@link #strengthSample}). */
    static final int STRENGTH_SAMPLE = 32;
    /** zxcvbn's l33t table: characters it tries as stand-ins for letters. */
    static final String LOOK_ALIKES = "4@8({[<$5+7369%1!|20";
    static final int LOOK_ALIKES_SAMPLED = 6;

    /**
     * The blocklist and zxcvbn's dictionaries (about 150 ms and 12 MB here), loaded by the first check
     * rather than with the first policy: a server that starts checks no password, and loading them
     * was a seventh of its start-up and a tenth of its memory at ready.
     */
    private static final class Dictionaries {
        static final Blocklist BLOCKLIST = Blocklist.load();
        static final Zxcvbn ZXCVBN = new Zxcvbn();
    }

    private final int minLength;
    private final int minScore;

    public PasswordPolicy(int minLength, int minScore) {
        if (minLength < LOWEST_MIN_LENGTH || minLength > MAX_LENGTH) {
            throw new IllegalArgumentException("auth.password.min-length must be between "
                    + LOWEST_MIN_LENGTH + " and " + MAX_LENGTH + ", not " + minLength);
        }
        if (minScore < 0 || minScore > 4) {
            throw new IllegalArgumentException("auth.password.min-score must be between 0 and 4, not " + minScore);
        }
        this.minLength = minLength;
        this.minScore = minScore;
    }

    /** Loads the dictionaries now: the desktop does, off its UI thread, before a keystroke needs them. */
    public static void warmUp() {
        Objects.requireNonNull(Dictionaries.ZXCVBN);
    }

    public static PasswordPolicy defaults() {
        return new PasswordPolicy(DEFAULT_MIN_LENGTH, DEFAULT_MIN_SCORE);
    }

    public static PasswordPolicy of(PasswordPolicyView view) {
        return new PasswordPolicy(view.minLength(), view.minScore());
    }

    /** The form in which a password is checked, hashed and compared. */
    public static String normalize(String password) {
        return Normalizer.normalize(password, Normalizer.Form.NFKC);
    }

    public int minLength() {
        return minLength;
    }

    public int minScore() {
        return minScore;
    }

    public PasswordPolicyView describe() {
        return new PasswordPolicyView(minLength, MAX_LENGTH, true, minScore);
    }

    /**
     * Checks a password for the owner of {@code email} (a normalized address, or null when unknown).
     */
    public PasswordCheck check(String password, String email) {
        String normalized = normalize(password == null ? "" : password);
        int length = normalized.codePointCount(0, normalized.length());
        List<PasswordRule> broken = new ArrayList<>();
        if (length < minLength) {
            broken.add(PasswordRule.MIN_LENGTH);
        }
        if (length > MAX_LENGTH) {
            broken.add(PasswordRule.MAX_LENGTH);
        }
        if (!normalized.isEmpty() && Dictionaries.BLOCKLIST.contains(normalized)) {
            broken.add(PasswordRule.NOT_COMMON);
        }
        List<String> personal = new ArrayList<>();
        if (email != null) {
            String local = EmailAddress.localPart(email);
            personal.add(local);
            if (local.length() >= MIN_LOCAL_PART_TO_CHECK
                    && normalized.toLowerCase(Locale.ROOT).contains(local.toLowerCase(Locale.ROOT))) {
                broken.add(PasswordRule.NOT_EMAIL_NAME);
            }
        }
        int score = length > MAX_LENGTH || normalized.isEmpty() ? 0
                : Dictionaries.ZXCVBN.measure(strengthSample(normalized), personal).getScore();
        if (score < minScore) {
            broken.add(PasswordRule.STRENGTH);
        }
        return new PasswordCheck(length, score, broken);
    }

    /**
     * The part of a password whose strength zxcvbn estimates: its beginning, at most
     * {@value #STRENGTH_SAMPLE} characters, ending before the {@value #LOOK_ALIKES_SAMPLED}+1st distinct
     * look-alike character. zxcvbn's work grows with the square of the length and, through its l33t
     * matching, exponentially with the distinct look-alikes ("4@8({[</369..." took 20 s at 254
     * characters); so bounded, every check takes milliseconds. Whoever guesses a password guesses its
     * beginning too, so a strong beginning makes a strong password; a weak beginning followed by a strong
     * tail is refused, which errs on the strict side.
     */
    static String strengthSample(String password) {
        StringBuilder sample = new StringBuilder();
        Set<Integer> lookAlikes = new HashSet<>();
        for (int i = 0, n = 0; i < password.length() && n < STRENGTH_SAMPLE; n++) {
            int c = password.codePointAt(i);
            if (LOOK_ALIKES.indexOf(c) >= 0 && lookAlikes.add(c) && lookAlikes.size() > LOOK_ALIKES_SAMPLED) {
                break;
            }
            sample.appendCodePoint(c);
            i += Character.charCount(c);
        }
        return sample.toString();
    }

    /** One plain-words line per broken rule, in {@code language}. */
    public List<String> failures(PasswordCheck check, Locale language) {
        return check.broken().stream().map(rule -> rule.failure(this, language)).toList();
    }
}
