package io.github.stytchjakarta.testkit.internal;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Map;

/**
 * A JSON object from a request body with typed, validating accessors: a wrong type is a 400 {@code bad_request} that
 * names the field, never a 500. An absent field, JSON {@code null} and {@code ""} all read as absent.
 */
public final class JsonBody {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final ObjectNode node;
    private final String path;

    private JsonBody(ObjectNode node, String path) {
        this.node = node;
        this.path = path;
    }

    /**
     * @param body a request body; empty means {@code {}}
     * @return the parsed object
     * @throws ApiException 400 {@code bad_request} if it is not a JSON object
     */
    public static JsonBody parse(byte[] body) {
        if (body.length == 0) {
            return new JsonBody(Json.MAPPER.createObjectNode(), "");
        }
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(body);
        } catch (IOException e) {
            throw ApiException.badRequest("The request body is not valid JSON.");
        }
        if (!(node instanceof ObjectNode object)) {
            throw ApiException.badRequest("The request body must be a JSON object.");
        }
        return new JsonBody(object, "");
    }

    /**
     * @param name a field
     * @return its string value, or {@code null} if absent or empty
     */
    public String optionalString(String name) {
        JsonNode value = node.get(name);
        if (isAbsent(value)) {
            return null;
        }
        if (!value.isTextual()) {
            throw ApiException.badRequest(path + name + " must be a string.");
        }
        return value.textValue().isEmpty() ? null : value.textValue();
    }

    /**
     * @param name a field
     * @return its string value
     * @throws ApiException 400 {@code bad_request} if absent or empty
     */
    public String requiredString(String name) {
        String value = optionalString(name);
        if (value == null) {
            throw ApiException.badRequest(path + name + " is required.");
        }
        return value;
    }

    /**
     * @param name a field
     * @return its integer value, or {@code null} if absent
     */
    public Integer optionalInt(String name) {
        JsonNode value = node.get(name);
        if (isAbsent(value)) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw ApiException.badRequest(path + name + " must be an integer.");
        }
        return value.intValue();
    }

    /**
     * @param name a field
     * @return its object value, or {@code null} if absent
     */
    public JsonBody optionalObject(String name) {
        JsonNode value = node.get(name);
        if (isAbsent(value)) {
            return null;
        }
        if (!(value instanceof ObjectNode object)) {
            throw ApiException.badRequest(path + name + " must be an object.");
        }
        return new JsonBody(object, path + name + ".");
    }

    /**
     * @param name a field
     * @return the raw value, or {@code null} if absent
     */
    public JsonNode raw(String name) {
        JsonNode value = node.get(name);
        return isAbsent(value) ? null : value;
    }

    /**
     * @return this object as Java maps, lists and scalars
     */
    public Map<String, Object> toMap() {
        return Json.MAPPER.convertValue(node, MAP);
    }

    private static boolean isAbsent(JsonNode value) {
        return value == null || value.isNull() || value.isTextual() && value.textValue().isEmpty();
    }
}
