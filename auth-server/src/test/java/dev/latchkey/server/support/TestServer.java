package dev.latchkey.server.support;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.mail.Address;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import dev.latchkey.api.Role;
import dev.latchkey.server.AuthServer;
import dev.latchkey.server.config.ConfigLoader;
import dev.latchkey.server.db.Database;
import dev.latchkey.server.db.Rows;
import dev.latchkey.server.mail.MailStatus;
import dev.latchkey.server.mfa.Totp;
import dev.latchkey.server.password.Passwords;
import dev.latchkey.server.user.Users;

/**
 * The real auth server on a temporary data dir and a free port, with a clock the test moves, plus an
 * HTTP client and readers for the outbox. Requests may name the client IP they come from: loopback is
 * configured as a trusted proxy, so {@code X-Forwarded-For} is believed.
 */
public final class TestServer implements AutoCloseable {
    public static final Pattern TOKEN_LINE = Pattern.compile("(?m)^([A-Za-z0-9_-]{64})\\r?$");
    public static final Pattern REPORT_LINK = Pattern.compile("/report#token=([A-Za-z0-9_-]{64})");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger USERS = new AtomicInteger();

    public final MutableClock clock;
    public final Path dataDir;
    private final Map<String, String> overrides;
    private final Optional<TestDatabase> database;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final ConcurrentLinkedQueue<Exchange> exchanges = new ConcurrentLinkedQueue<>();
    private AuthServer server;

    private TestServer(Path dataDir, MutableClock clock, Map<String, String> overrides,
                       Optional<TestDatabase> database) {
        this.dataDir = dataDir;
        this.clock = clock;
        this.overrides = overrides;
        this.database = database;
        try {
            this.server = AuthServer.start(ConfigLoader.load(Optional.empty(), overrides), clock);
        } catch (RuntimeException | Error e) {
            database.ifPresent(TestDatabase::close);
            throw e;
        }
    }

    public static TestServer start(Path dataDir) {
        return start(dataDir, Map.of());
    }

    /**
     * A server with {@code extra} settings, on Derby in {@code dataDir} or, when this run tests
     * PostgreSQL ({@link TestDatabase}), on a new PostgreSQL database of its own.
     */
    public static TestServer start(Path dataDir, Map<String, String> extra) {
        Optional<TestDatabase> database = extra.containsKey("db.connection.url") ? Optional.empty()
                : TestDatabase.forTestServer();
        Map<String, String> overrides = new HashMap<>();
        database.ifPresent(db -> overrides.putAll(db.settings()));
        overrides.put("auth.data-dir", dataDir.toString());
        overrides.put("server.port", "0");
        overrides.put("auth.mail.poll-interval", "PT0.1S");
        overrides.put("auth.trusted-proxies", "127.0.0.1");
        // Staff reach the help desk without a second factor, unless a test asks for the default.
        overrides.put("auth.mfa.required-roles", "");
        // (a test of that requirement sets auth.mfa.required-roles itself)
        overrides.putAll(extra);
        return new TestServer(dataDir, MutableClock.startingNow(), Map.copyOf(overrides), database);
    }

    /** Stops the server and starts it again on the same data (a new port). */
    public void restart() {
        server.close();
        server = AuthServer.start(ConfigLoader.load(Optional.empty(), overrides), clock);
    }

    public AuthServer server() {
        return server;
    }

    public Database db() {
        return server.database();
    }

    /** A new USER with a unique address made from {@code prefix}; tests of one class share a server. */
    public String newUser(String prefix, String password) {
        String email = prefix + USERS.incrementAndGet() + "@example.com";
        addUser(email, password, Role.USER);
        return email;
    }

    public long addUser(String email, String password, Role role) {
        String hash = password == null ? null : new Passwords(1).hash(password);
        return new Users().create(db().execute(), email, email.substring(0, email.indexOf('@')), role, hash,
                clock.instant());
    }

    /** An account's confirmed second factor: its TOTP key and its recovery codes. */
    public record Enrolled(String session, byte[] key, List<String> recoveryCodes) {
    }

    /**
     * Sets up a second factor for the account through the API, as the desktop does: signs in, starts the
     * enrolment, confirms it with the current code. The next code to use comes from the next step.
     */
    public Enrolled enrolSecondFactor(String email, String password, String clientIp) {
        String session = signIn(email, password, clientIp);
        Response begun = post("/api/v1/me/second-factor", "{\"currentPassword\":\"" + password + "\"}", clientIp,
                session);
        if (begun.status() != 201) {
            throw new AssertionError("Enrolment refused: " + begun);
        }
        byte[] key = Totp.fromBase32(begun.json().get("secret").asText());
        String code = new Totp().codeAt(key, Totp.stepOf(clock.instant()));
        Response confirmed = post("/api/v1/me/second-factor/confirm", "{\"code\":\"" + code + "\"}", clientIp,
                session);
        if (confirmed.status() != 200) {
            throw new AssertionError("Enrolment not confirmed: " + confirmed);
        }
        List<String> codes = new ArrayList<>();
        confirmed.json().get("recoveryCodes").forEach(recovery -> codes.add(recovery.asText()));
        return new Enrolled(session, key, List.copyOf(codes));
    }

    /** Where the newest mail job stands. */
    public record MailJobState(MailStatus status, int attempts, String lastError) {
    }

    public MailJobState lastMailJob() {
        return db().execute().get("SELECT status, attempts, last_error FROM mail_job ORDER BY id DESC"
                        + " FETCH FIRST 1 ROWS ONLY")
                .map(row -> new MailJobState(MailStatus.valueOf(Rows.stringOf(row, "status")),
                        Rows.intOf(row, "attempts"), Rows.stringOf(row, "last_error")))
                .orElseThrow(() -> new AssertionError("No mail job yet"));
    }

    /** How many audit rows of a type name the email. */
    public int auditCount(String type, String email) {
        return count("SELECT COUNT(*) AS n FROM audit_event WHERE event_type = ? AND user_email = ?", type, email);
    }

    /** How many audit rows of a type have exactly this detail. */
    public int auditCountWithDetail(String type, String detail) {
        return count("SELECT COUNT(*) AS n FROM audit_event WHERE event_type = ? AND detail = ?", type, detail);
    }

    private int count(String sql, Object... params) {
        return db().execute().get(sql, params).map(row -> Rows.intOf(row, "n")).orElse(0);
    }

    /** The newest entry of a type in an audit trail as {@code GET /api/v1/helpdesk/audit} returns it. */
    public static JsonNode auditEntry(JsonNode trail, String type) {
        return auditEntry(trail, type, null);
    }

    /** The newest entry of a type about {@code email} (any address when null). */
    public static JsonNode auditEntry(JsonNode trail, String type, String email) {
        for (JsonNode entry : trail) {
            if (entry.get("type").asText().equals(type)
                    && (email == null || email.equals(entry.get("userEmail").asText()))) {
                return entry;
            }
        }
        throw new AssertionError("No " + type + (email == null ? "" : " row for " + email) + " in " + trail);
    }

    // ---- HTTP

    public Response post(String path, String json) {
        return post(path, json, "127.0.0.1", null);
    }

    public Response post(String path, String json, String clientIp, String bearer) {
        HttpRequest.Builder request = request(path, clientIp, bearer)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        return send(request);
    }

    public Response get(String path, String bearer) {
        return send(request(path, "127.0.0.1", bearer).GET());
    }

    public Response delete(String path, String bearer) {
        return send(request(path, "127.0.0.1", bearer).DELETE());
    }

    public HttpRequest.Builder request(String path, String clientIp, String bearer) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(server.baseUri() + path))
                .timeout(Duration.ofSeconds(30))
                .header("X-Forwarded-For", clientIp);
        if (bearer != null) {
            builder.header("Authorization", "Bearer " + bearer);
        }
        return builder;
    }

    public Response send(HttpRequest.Builder request) {
        HttpRequest built = request.build();
        try {
            HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString());
            Response answer = new Response(response.statusCode(), response.body(), response.headers());
            exchanges.add(new Exchange(built.method(), built.uri().getRawPath(), bodyOf(built), answer));
            return answer;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A request this server answered and its answer, for checking both against the API document. */
    public record Exchange(String method, String path, String requestBody, Response response) {
    }

    /** Every exchange so far, in the order they were answered. */
    public List<Exchange> exchanges() {
        return List.copyOf(exchanges);
    }

    /** The body a request sent (empty without one): its publisher gives the same bytes to each subscriber. */
    private static String bodyOf(HttpRequest request) {
        if (request.bodyPublisher().isEmpty()) {
            return "";
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CompletableFuture<Void> done = new CompletableFuture<>();
        request.bodyPublisher().get().subscribe(new Flow.Subscriber<ByteBuffer>() {
            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                subscription.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(ByteBuffer item) {
                byte[] chunk = new byte[item.remaining()];
                item.get(chunk);
                bytes.writeBytes(chunk);
            }

            @Override
            public void onError(Throwable failure) {
                done.completeExceptionally(failure);
            }

            @Override
            public void onComplete() {
                done.complete(null);
            }
        });
        done.orTimeout(10, TimeUnit.SECONDS).join();
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /**
     * Sends {@code head} (request line and headers, without the final blank line) and {@code body}
     * exactly as given, on a socket of its own, for what HttpClient will not send (a forged {@code Host}
     * header, none at all); returns the answer's status line, headers, a blank line and as much body as
     * its {@code Content-Length} says (no more: the server may keep the connection open).
     */
    public String rawRequest(String head, String body) {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            out.write((head + "\r\nContent-Length: " + bytes.length + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.write(bytes);
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.ISO_8859_1));
            StringBuilder answer = new StringBuilder();
            int length = 0;
            for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                answer.append(line).append('\n');
                if (line.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                    length = Integer.parseInt(line.substring(15).strip());
                }
            }
            char[] entity = new char[length];
            int read = 0;
            for (int n = 0; read < length && n >= 0; read += Math.max(n, 0)) {
                n = in.read(entity, read, length - read);
            }
            return answer.append('\n').append(entity, 0, read).toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Signs in and returns the session token. */
    public String signIn(String email, String password) {
        return signIn(email, password, "127.0.0.1");
    }

    /** Signs in from {@code clientIp} and returns the session token. */
    public String signIn(String email, String password, String clientIp) {
        Response response = post("/api/v1/sessions", "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}",
                clientIp, null);
        if (response.status() != 201) {
            throw new AssertionError("Sign-in failed: " + response);
        }
        return response.json().get("token").asText();
    }

    public record Response(int status, String body, HttpHeaders headers) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("Not JSON: " + body, e);
            }
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        /** Every header but Date: what must match between two answers that may not tell anything apart. */
        public Map<String, List<String>> headersWithoutDate() {
            Map<String, List<String>> all = new TreeMap<>(headers.map());
            all.remove("date");
            return all;
        }
    }

    // ---- mail

    /** Delivers every due mail job now, on the calling thread. */
    public void flushMail() {
        server.mailSender().sendDue();
    }

    public List<Path> outbox() {
        Path dir = dataDir.resolve("outbox");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".eml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<MimeMessage> messagesTo(String email) {
        return messages().stream().filter(m -> isTo(m, email)).toList();
    }

    /** Every message in the outbox, after delivering the due ones. */
    public List<MimeMessage> messages() {
        flushMail();
        return outbox().stream().map(TestServer::read).toList();
    }

    /** The addresses a message was sent to. */
    public static List<String> recipients(MimeMessage message) {
        try {
            return Stream.of(message.getAllRecipients()).map(Address::toString).toList();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** The token in the newest reset email to {@code email}. */
    public String latestTokenFor(String email) {
        List<MimeMessage> messages = messagesTo(email);
        if (messages.isEmpty()) {
            throw new AssertionError("No email to " + email + " in the outbox");
        }
        return tokenIn(Mail.text(messages.get(messages.size() - 1)));
    }

    public static String tokenIn(String text) {
        Matcher m = TOKEN_LINE.matcher(text);
        if (!m.find()) {
            throw new AssertionError("No token line in: " + text);
        }
        return m.group(1);
    }

    /** The token of the "Not you?" link in an email's text. */
    public static String reportTokenIn(String text) {
        Matcher m = REPORT_LINK.matcher(text);
        if (!m.find()) {
            throw new AssertionError("No Not-you link in: " + text);
        }
        return m.group(1);
    }

    /** A valid token for the user: ask for a reset and read it from the outbox. */
    public String requestToken(String email) {
        Response response = post("/api/v1/password-resets", "{\"email\":\"" + email + "\"}");
        if (response.status() != 202) {
            throw new AssertionError("Reset request failed: " + response);
        }
        return latestTokenFor(email);
    }

    private static MimeMessage read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return new MimeMessage(Session.getInstance(new Properties()), in);
        } catch (Exception e) {
            throw new AssertionError("Cannot read " + file, e);
        }
    }

    private static boolean isTo(MimeMessage message, String email) {
        return recipients(message).stream().anyMatch(email::equalsIgnoreCase);
    }

    @Override
    public void close() {
        try {
            server.close();
        } finally {
            database.ifPresent(TestDatabase::close);
        }
    }
}
