package dev.latchkey.server.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.oas.OpenApi31;

import dev.latchkey.server.support.TestServer.Exchange;

/**
 * The OpenAPI document the server serves ({@value #RESOURCE}) as the tests hold the server to it: its
 * operations, and whether a request and its answer are what the document says.
 */
public final class ApiDocument {
    public static final String RESOURCE = "META-INF/openapi.yaml";
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch",
            "trace");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ApiDocument INSTANCE = new ApiDocument();

    private final JsonNode root;
    private final JsonSchemaFactory schemas = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            builder -> builder.metaSchema(OpenApi31.getInstance())
                    .defaultMetaSchemaIri(OpenApi31.getInstance().getIri()));
    // Formats are only annotations in 2020-12 unless asked for: a time must really be one.
    private final SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
    private final Map<String, JsonSchema> loaded = new ConcurrentHashMap<>();

    private ApiDocument() {
        try (InputStream in = ApiDocument.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("No " + RESOURCE + " on the class path");
            }
            root = new ObjectMapper(new YAMLFactory()).readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ApiDocument get() {
        return INSTANCE;
    }

    public JsonNode root() {
        return root;
    }

    /** Every operation, as {@code METHOD /path} with the document's {@code {name}} parameters. */
    public Set<String> operations() {
        Set<String> operations = new TreeSet<>();
        root.get("paths").properties().forEach(path -> path.getValue().fieldNames().forEachRemaining(method -> {
            if (METHODS.contains(method)) {
                operations.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey());
            }
        }));
        return operations;
    }

    /** Fails with every exchange that breaks the document, one line each. */
    public void assertConform(Collection<Exchange> exchanges) {
        List<String> problems = new ArrayList<>();
        exchanges.forEach(exchange -> problems.addAll(problems(exchange)));
        if (!problems.isEmpty()) {
            throw new AssertionError(problems.size() + " departures from " + RESOURCE + ":\n"
                    + String.join("\n", problems.stream().distinct().limit(30).toList()));
        }
    }

    /**
     * What is wrong with one exchange: a status the operation does not list, a response body that is not
     * the documented type or breaks its schema, or a request body that breaks its schema yet was accepted.
     * A path or method that is no operation is left to the route tests (404 and 405 are no operation's).
     */
    public List<String> problems(Exchange exchange) {
        Optional<String> operation = operationOf(exchange.method(), exchange.path());
        if (operation.isEmpty()) {
            return List.of();
        }
        String what = exchange.method() + " " + exchange.path() + " -> " + exchange.response().status() + ": ";
        String response = resolve(operation.get() + "/responses/" + exchange.response().status());
        if (response == null) {
            return List.of(what + "status not in the document");
        }
        List<String> problems = new ArrayList<>();
        String request = resolve(operation.get() + "/requestBody");
        if (request != null && exchange.response().status() / 100 == 2) {
            problems.addAll(check(what + "request ", request + "/content/application~1json/schema",
                    exchange.requestBody()));
        }
        problems.addAll(checkResponse(what + "response ", response, exchange.response()));
        return problems;
    }

    private List<String> checkResponse(String what, String response, TestServer.Response actual) {
        JsonNode content = node(response).path("content");
        if (content.isMissingNode()) {
            return actual.body().isEmpty() ? List.of() : List.of(what + "has a body the document does not: "
                    + abbreviate(actual.body()));
        }
        String type = Optional.ofNullable(actual.header("Content-Type")).orElse("").split(";")[0].strip()
                .toLowerCase(Locale.ROOT);
        if (!content.has(type)) {
            return List.of(what + "is " + (type.isEmpty() ? "untyped" : type) + ", not one of "
                    + content.properties().stream().map(Map.Entry::getKey).toList());
        }
        return type.equals("application/json")
                ? check(what, response + "/content/application~1json/schema", actual.body())
                : List.of();
    }

    private List<String> check(String what, String schemaPointer, String body) {
        JsonNode json;
        try {
            json = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            return List.of(what + "is not JSON: " + abbreviate(body));
        }
        Set<ValidationMessage> errors = schema(schemaPointer).validate(json);
        return errors.isEmpty() ? List.of() : List.of(what + errors.stream().map(ValidationMessage::getMessage).toList()
                + " in " + abbreviate(body));
    }

    private JsonSchema schema(String pointer) {
        return loaded.computeIfAbsent(pointer,
                p -> schemas.getSchema(SchemaLocation.of("classpath:" + RESOURCE + "#" + p), config));
    }

    /** The pointer of the operation whose path template matches {@code path}, e.g. {@code /paths/~1me/get}. */
    Optional<String> operationOf(String method, String path) {
        String name = method.toLowerCase(Locale.ROOT);
        return root.get("paths").properties().stream()
                .filter(template -> template.getValue().has(name) && matches(template.getKey(), path))
                .map(template -> "/paths/" + escape(template.getKey()) + "/" + name)
                .findFirst();
    }

    private static boolean matches(String template, String path) {
        String regex = Pattern.quote(template).replaceAll("\\{[^}/]+}", "\\\\E[^/]+\\\\Q");
        return path.matches(regex);
    }

    /** The pointer of the object at {@code pointer}, after its {@code $ref} if it has one; null when there is none. */
    private String resolve(String pointer) {
        JsonNode node = node(pointer);
        if (node.isMissingNode()) {
            return null;
        }
        return node.has("$ref") ? node.get("$ref").asText().substring(1) : pointer;
    }

    private JsonNode node(String pointer) {
        return root.at(pointer);
    }

    private static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }

    private static String abbreviate(String body) {
        return body.length() <= 300 ? body : body.substring(0, 300) + "...";
    }
}
