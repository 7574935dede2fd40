package dev.latchkey.server.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/** A real SMTP server (GreenMail) on a free loopback port, and the settings that send the auth server's mail there. */
public final class Smtp {
    private Smtp() {
    }

    /** A port free right now: a test that stops and starts the SMTP server needs to know it beforehand. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A GreenMail SMTP server for {@code port}, not yet started. */
    public static GreenMail server(int port) {
        return new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    }

    /** {@code auth.mail.*} for the smtp transport to {@code port}, plus {@code extra}. */
    public static Map<String, String> settings(int port, String... extra) {
        Map<String, String> settings = new HashMap<>(Map.of("auth.mail.transport", "smtp",
                "auth.mail.smtp.host", "127.0.0.1", "auth.mail.smtp.port", Integer.toString(port)));
        for (int i = 0; i < extra.length; i += 2) {
            settings.put(extra[i], extra[i + 1]);
        }
        return settings;
    }
}
