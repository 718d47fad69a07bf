package io.github.stytchjakarta.testkit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.stytchjakarta.testsupport.TestHttp;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Test fixture: the emulator's API as its tests call it, over test-support's {@link TestHttp}: the project's Basic
 * credentials unless told otherwise, and answers parsed as JSON. Thread-safe.
 */
final class EmulatorHttp {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final StytchEmulator emulator;
    private final TestHttp http;

    EmulatorHttp(StytchEmulator emulator) {
        this.emulator = emulator;
        this.http = TestHttp.to(emulator.baseUrl());
    }

    /** An answer: status, headers and the body parsed as JSON. */
    record Answer(int status, HttpResponse<String> response, JsonNode json) {
        String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }
    }

    String emulatorProjectId() {
        return emulator.projectId();
    }

    String projectAuthorization() {
        return TestHttp.basic(emulator.projectId(), emulator.secret());
    }

    Answer get(String pathAndQuery) {
        return send("GET", pathAndQuery, null, projectAuthorization(), null);
    }

    Answer getWithout(String pathAndQuery, String authorization) {
        return send("GET", pathAndQuery, null, authorization, null);
    }

    Answer post(String path, Object jsonBody) {
        return send("POST", path, json(jsonBody), projectAuthorization(), "application/json");
    }

    Answer postRaw(String path, String body, String contentType, String authorization) {
        return send("POST", path, body, authorization, contentType);
    }

    Answer send(String method, String pathAndQuery, String body, String authorization, String contentType) {
        HttpRequest.Builder request = http.request(pathAndQuery)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        HttpResponse<String> response = http.send(request);
        return new Answer(response.statusCode(), response, response.body().isEmpty() ? null : TestHttp.json(response));
    }

    static String json(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static Map<String, Object> body(Object... keysAndValues) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            body.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return body;
    }
}
