package dev.latchkey.server.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.latchkey.server.support.OneServerPerClass;
import dev.latchkey.server.support.SignInLoops;

/**
 * A session exists only while the password it proved is the account's password. Sign-ins with the old
 * password run in loops while the password changes; once the change has answered, every session they
 * got must be dead. On main before the fix, about one session per change survived.
 */
class SessionRaceTest extends OneServerPerClass {
    static final String OLD = "velvet tractor orbits quietly";
    static final String NEW = "marble canyon whistles softly";
    static final int ROUNDS = 8;

    @Test
    void resetWhenSignInsInFlightThenNoSessionSurvives() throws Exception {
        int survivors = 0;
        int minted = 0;
        for (int round = 0; round < ROUNDS; round++) {
            String email = server.newUser("racer", OLD);
            String token = server.requestToken(email);
            List<String> sessions = SignInLoops.around(server, email, OLD, () -> assertThat(server.post(
                    "/api/v1/password-resets/complete",
                    "{\"token\":\"" + token + "\",\"newPassword\":\"" + NEW + "\"}").status()).isEqualTo(200));
            minted += sessions.size();
            for (String session : sessions) {
                if (server.get("/api/v1/me", session).status() != 401) {
                    survivors++;
                }
            }
        }
        assertThat(minted).as("sign-ins with the old password succeeded before the reset").isPositive();
        assertThat(survivors).as("sessions made with the old password alive after the reset").isZero();
    }

    @Test
    void passwordChangeWhenSignInsInFlightThenOnlyTheChangersSessionSurvives() throws Exception {
        int survivors = 0;
        int minted = 0;
        for (int round = 0; round < ROUNDS; round++) {
            String email = server.newUser("changer", OLD);
            String own = server.signIn(email, OLD);
            List<String> sessions = SignInLoops.around(server, email, OLD, () -> assertThat(server.post("/api/v1/me/password",
                    "{\"currentPassword\":\"" + OLD + "\",\"newPassword\":\"" + NEW + "\"}", "192.0.2.200", own)
                    .status()).isEqualTo(200));
            minted += sessions.size();
            for (String session : sessions) {
                if (server.get("/api/v1/me", session).status() != 401) {
                    survivors++;
                }
            }
            assertThat(server.get("/api/v1/me", own).status()).isEqualTo(200);
        }
        assertThat(minted).as("sign-ins with the old password succeeded before the change").isPositive();
        assertThat(survivors).isZero();
    }
}
