package dev.latchkey.server.http;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.helidon.http.HttpMediaType;
import io.helidon.webserver.http.ServerRequest;

import dev.latchkey.api.EmailAddress;
import dev.latchkey.api.ErrorCode;
import dev.latchkey.api.FreeText;

/**
 * A request's JSON object, read under the contract's rules: {@code Content-Type: application/json}
 * (UTF-8), at most {@value #MAX_BYTES} bytes, one well-formed object; fields are read with their type
 * checked and the field named in any refusal.
 */
public final class JsonBody {
    public static final int MAX_BYTES = 16 * 1024;

    private static final ObjectMapper READER = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final JsonNode root;

    private JsonBody(JsonNode root) {
        this.root = root;
    }

    public static JsonBody read(ServerRequest request) {
        OptionalLong declared = request.headers().contentLength();
        if (declared.isPresent() && declared.getAsLong() > MAX_BYTES) {
            throw tooLarge();
        }
        Optional<HttpMediaType> type;
        try {
            type = request.headers().contentType();
        } catch (IllegalArgumentException unparseable) {
            type = Optional.empty(); // "garbage", "application/json;;;": not JSON either
        }
        if (type.isEmpty() || !isJson(type.get())) {
            throw ApiException.of(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "api.body.notJsonType");
        }
        byte[] bytes = readBounded(request);
        if (bytes.length == 0) {
            throw ApiException.invalidRequest("api.body.empty");
        }
        JsonNode root;
        try {
            root = READER.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw ApiException.invalidRequest("api.body.notJson");
        } catch (IOException e) {
            throw ApiException.invalidRequest("api.body.notUtf8");
        }
        if (root == null || !root.isObject()) {
            throw ApiException.invalidRequest("api.body.notObject");
        }
        return new JsonBody(root);
    }

    /** A required string field; refused when absent, null, not a string, or not valid Unicode text. */
    public String requiredString(String field) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            throw ApiException.invalidRequest("api.field.required", field);
        }
        if (!node.isTextual()) {
            throw ApiException.invalidRequest("api.field.notString", field);
        }
        String value = node.textValue();
        if (!isWellFormed(value)) {
            throw ApiException.invalidRequest("api.field.badCharacters", field);
        }
        return value;
    }

    /** An optional string field: empty when absent or null, refused like a required one otherwise. */
    public Optional<String> optionalString(String field) {
        JsonNode node = root.get(field);
        return node == null || node.isNull() ? Optional.empty() : Optional.of(requiredString(field));
    }

    /** A required string of at most {@code max} characters. */
    public String requiredString(String field, int max) {
        String value = requiredString(field);
        if (FreeText.length(value) > max) {
            throw ApiException.invalidRequest("api.field.tooLong", field, max);
        }
        return value;
    }

    /** An optional string of at most {@code max} characters, refused like a required one otherwise. */
    public Optional<String> optionalBoundedString(String field, int max) {
        JsonNode node = root.get(field);
        return node == null || node.isNull() ? Optional.empty() : Optional.of(requiredString(field, max));
    }

    /**
     * A required email address, normalized (trimmed, lower-cased) and checked by the contract's rules.
     * One with an invisible character is refused as such: the person who pasted it sees nothing wrong.
     */
    public String requiredEmail(String field) {
        String value = requiredString(field);
        if (EmailAddress.hasInvisibleCharacters(value)) {
            throw ApiException.invalidRequest("api.field.badCharacters", field);
        }
        return EmailAddress.normalize(value).orElseThrow(() -> ApiException.invalidRequest(
                "api.field.notEmail", field, EmailAddress.MAX_LENGTH));
    }

    /** Required text, without its surrounding white space: 1 to {@code max} characters, not blank. */
    public String requiredText(String field, int max) {
        String value = requiredString(field).strip();
        if (value.isEmpty()) {
            throw ApiException.invalidRequest("api.field.blank", field);
        }
        if (FreeText.length(value) > max) {
            throw ApiException.invalidRequest("api.field.tooLong", field, max);
        }
        return value;
    }

    private static boolean isJson(HttpMediaType type) {
        boolean json = "application".equals(type.mediaType().type()) && "json".equals(type.mediaType().subtype());
        Optional<String> charset = type.charset();
        return json && (charset.isEmpty() || charset.get().toLowerCase(Locale.ROOT).equals("utf-8"));
    }

    private static byte[] readBounded(ServerRequest request) {
        if (!request.content().hasEntity()) {
            return new byte[0];
        }
        // At most one byte more than the body says it holds (or than the limit): readNBytes sizes its
        // buffer from this, and asked for the limit it took 16 KiB for every body of some 40 bytes, a
        // fifth of all the server allocated under load.
        long declared = request.headers().contentLength().orElse(MAX_BYTES);
        try (InputStream in = request.content().inputStream()) {
            byte[] bytes = in.readNBytes((int) Math.clamp(declared, 0, MAX_BYTES) + 1);
            if (bytes.length > MAX_BYTES) {
                throw tooLarge();
            }
            return bytes;
        } catch (IOException e) {
            throw ApiException.invalidRequest("api.body.unreadable");
        }
    }

    private static ApiException tooLarge() {
        return ApiException.of(ErrorCode.PAYLOAD_TOO_LARGE, "api.body.tooLarge", MAX_BYTES / 1024);
    }

    /** No unpaired surrogates (not text) and no NUL (truncates in too many places). */
    static boolean isWellFormed(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\u0000') {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

}
