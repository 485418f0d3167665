package io.coditect.keycloak.license.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * A request body read defensively: bounded in size, must be a JSON object, and every field
 * accessor says exactly what is wrong with a field in a 400 {@code invalid_request}.
 */
public final class JsonBody {

    public static final int MAX_BYTES = 16 * 1024;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final ObjectNode node;

    private JsonBody(ObjectNode node) {
        this.node = node;
    }

    /** An absent body is an empty object: every field then reads as missing. */
    public static JsonBody read(InputStream in) {
        if (in == null) {
            return new JsonBody(MAPPER.createObjectNode());
        }
        byte[] bytes;
        try {
            bytes = in.readNBytes(MAX_BYTES + 1);
        } catch (IOException e) {
            throw ApiError.invalidRequest("The request body could not be read.").exception();
        }
        if (bytes.length > MAX_BYTES) {
            throw ApiError.invalidRequest("The request body is larger than " + MAX_BYTES + " bytes.")
                    .exception();
        }
        if (new String(bytes, StandardCharsets.UTF_8).isBlank()) {
            return new JsonBody(MAPPER.createObjectNode());
        }
        try {
            JsonNode parsed = MAPPER.readTree(bytes);
            if (parsed == null || !parsed.isObject()) {
                throw ApiError.invalidRequest("The request body must be a JSON object.").exception();
            }
            return new JsonBody((ObjectNode) parsed);
        } catch (JsonProcessingException e) {
            throw ApiError.invalidRequest("The request body is not valid JSON.").exception();
        } catch (IOException e) {
            throw ApiError.invalidRequest("The request body could not be read.").exception();
        }
    }

    public boolean has(String field) {
        return node.hasNonNull(field);
    }

    public ObjectNode node() {
        return node;
    }

    public String requiredString(String field, int maxLength) {
        String value = optionalString(field, maxLength);
        if (value == null) {
            throw ApiError.invalidRequest("Field '" + field + "' is required.").exception();
        }
        return value;
    }

    public String optionalString(String field, int maxLength) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw ApiError.invalidRequest("Field '" + field + "' must be a string.").exception();
        }
        String text = value.asText();
        if (text.isBlank()) {
            throw ApiError.invalidRequest("Field '" + field + "' must not be empty.").exception();
        }
        if (text.length() > maxLength) {
            throw ApiError.invalidRequest("Field '" + field + "' is longer than " + maxLength + " characters.")
                    .exception();
        }
        if (text.chars().anyMatch(Character::isISOControl)) {
            throw ApiError.invalidRequest("Field '" + field + "' contains control characters.").exception();
        }
        return text;
    }

    public Integer optionalInt(String field, int min, int max) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw ApiError.invalidRequest("Field '" + field + "' must be an integer.").exception();
        }
        int number = value.intValue();
        if (number < min || number > max) {
            throw ApiError.invalidRequest("Field '" + field + "' must be between " + min + " and " + max + ".")
                    .exception();
        }
        return number;
    }
}
