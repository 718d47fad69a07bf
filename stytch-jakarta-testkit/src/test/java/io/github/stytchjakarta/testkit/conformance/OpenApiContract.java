package io.github.stytchjakarta.testkit.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.MessageResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.schema.SchemaValidator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The Stytch OpenAPI spec ({@code openapi/stytch-openapi.yaml}, a verbatim copy of the project's
 * spec) as a contract that recorded {@link Exchange}s are checked against with Atlassian's
 * swagger-request-validator, strictly: every message of level ERROR is a violation, including
 * properties a schema does not declare (the validator's default).
 *
 * <p>Three things are added to the spec before validating, none of which loosens it:
 * <ol>
 *   <li>{@code openapi/stytch-openapi-supplement.yaml}: the error body schema the spec only shows by
 *       example, the 403/404 statuses its prose documents, and the M2M token endpoint it lacks
 *       (sources are in that file). Every 4xx/5xx response of the spec that has no schema gets the
 *       error body schema.</li>
 *   <li>The spec's document-level {@code security} (Basic auth) is copied onto each operation that
 *       declares none: that is what OpenAPI means by it, but the validator only reads
 *       operation-level security.</li>
 *   <li>Responses must write every {@code *_at} timestamp as RFC 3339 in UTC ({@code ...Z}), as the
 *       spec's operation descriptions state ("All timestamps are formatted according to the RFC
 *       3339 standard and are expressed in UTC"); its schemas type them as plain strings.</li>
 * </ol>
 *
 * <p>The 2.5 MB spec is parsed once per JVM ({@link #stytch()}). Thread-safe.
 */
final class OpenApiContract {

    static final String SPEC_RESOURCE = "/openapi/stytch-openapi.yaml";
    static final String SUPPLEMENT_RESOURCE = "/openapi/stytch-openapi-supplement.yaml";
    static final String ERROR_SCHEMA = "supplement_StytchError";
    static final String TIMESTAMP_KEY = "stytch.response.timestamp.rfc3339Utc";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final OpenAPI spec;
    private final OpenApiInteractionValidator validator;
    private final SchemaValidator schemaValidator;

    private OpenApiContract(OpenAPI spec) {
        this.spec = spec;
        this.validator = OpenApiInteractionValidator.createFor(spec)
                // the spec's servers are absolute (https://test.stytch.com); match paths from the root
                .withBasePathOverride("/")
                .build();
        this.schemaValidator = new SchemaValidator(spec, new MessageResolver());
    }

    /** The Stytch contract, loaded on first use and shared by every test in the JVM. */
    static OpenApiContract stytch() {
        return Holder.INSTANCE;
    }

    /** The merged spec (read only). */
    OpenAPI spec() {
        return spec;
    }

    /** Fails the test unless both the request and the response of {@code exchange} conform. */
    void assertConforms(Exchange exchange) {
        List<String> violations = new ArrayList<>(requestViolations(exchange));
        violations.addAll(responseViolations(exchange));
        assertThat(violations).as("OpenAPI violations of %s", exchange.describe()).isEmpty();
    }

    /** Fails the test unless the response of {@code exchange} conforms (for deliberately bad requests). */
    void assertResponseConforms(Exchange exchange) {
        assertThat(responseViolations(exchange)).as("OpenAPI violations of %s", exchange.describe()).isEmpty();
    }

    /** What the spec finds wrong with the request of {@code exchange}: empty if it conforms. */
    List<String> requestViolations(Exchange exchange) {
        return errors(validator.validateRequest(toRequest(exchange)));
    }

    /**
     * What the spec finds wrong with the response of {@code exchange}: status, content type, body
     * schema and timestamps. A response to a path or method the spec does not have (404/405 of an
     * unknown route) can only be checked as an error body.
     */
    List<String> responseViolations(Exchange exchange) {
        List<String> violations = new ArrayList<>();
        if (hasOperation(exchange.method(), exchange.path())) {
            SimpleResponse.Builder response = SimpleResponse.Builder.status(exchange.status());
            exchange.responseHeaders().forEach(response::withHeader);
            if (exchange.responseBody() != null) {
                response.withBody(exchange.responseBody());
            }
            violations.addAll(errors(validator.validateResponse(
                    exchange.path(), Request.Method.valueOf(exchange.method()), response.build())));
        } else {
            assertThat(exchange.status()).as("status of %s", exchange.describe()).isBetween(400, 499);
            violations.addAll(errorBodyViolations(exchange.responseBody()));
        }
        violations.addAll(timestampViolations(exchange.responseBody()));
        return violations;
    }

    /** What the Stytch error body schema finds wrong with {@code body}: empty if it conforms. */
    List<String> errorBodyViolations(String body) {
        Schema<?> errorSchema = spec.getComponents().getSchemas().get(ERROR_SCHEMA);
        return errors(schemaValidator.validate(body == null ? "" : body, errorSchema, "validation.response.body"));
    }

    private boolean hasOperation(String method, String path) {
        PathItem.HttpMethod httpMethod;
        try {
            httpMethod = PathItem.HttpMethod.valueOf(method);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return spec.getPaths().entrySet().stream()
                .filter(entry -> path.matches(templateRegex(entry.getKey())))
                .anyMatch(entry -> entry.getValue().readOperationsMap().containsKey(httpMethod));
    }

    /** {@code /v1/x/{id}} to a regex matching {@code /v1/x/anything-but-a-slash}. */
    private static String templateRegex(String template) {
        return Arrays.stream(template.split("\\{[^}]+}", -1)).map(Pattern::quote).collect(Collectors.joining("[^/]+"));
    }

    private static Request toRequest(Exchange exchange) {
        SimpleRequest.Builder request = new SimpleRequest.Builder(exchange.method(), exchange.path());
        exchange.requestHeaders().forEach(request::withHeader);
        exchange.query().forEach(request::withQueryParam);
        if (exchange.requestBody() != null) {
            request.withBody(exchange.requestBody());
        }
        return request.build();
    }

    private static List<String> errors(ValidationReport report) {
        return report.getMessages().stream()
                .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .map(m -> m.getKey() + ": " + m.getMessage()
                        + (m.getNestedMessages().isEmpty() ? "" : " " + m.getNestedMessages().stream()
                                .map(ValidationReport.Message::getMessage).toList()))
                .toList();
    }

    private static List<String> timestampViolations(String body) {
        if (body == null || body.isBlank()) {
            return List.of();
        }
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException e) {
            return List.of(); // the schema validation already reports a body that is not JSON
        }
        List<String> violations = new ArrayList<>();
        collectTimestampViolations(root, "", violations);
        return violations;
    }

    private static void collectTimestampViolations(JsonNode node, String pointer, List<String> violations) {
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collectTimestampViolations(node.get(i), pointer + "/" + i, violations);
            }
        } else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                String fieldPointer = pointer + "/" + field.getKey();
                if (field.getKey().equals("custom_claims")) {
                    continue; // application data, any shape
                }
                if (field.getKey().endsWith("_at") && field.getValue().isTextual()) {
                    String text = field.getValue().asText();
                    if (!text.isEmpty() && !isRfc3339Utc(text)) {
                        violations.add(TIMESTAMP_KEY + ": [Path '" + fieldPointer + "'] not RFC 3339 UTC: " + text);
                    }
                } else {
                    collectTimestampViolations(field.getValue(), fieldPointer, violations);
                }
            }
        }
    }

    private static boolean isRfc3339Utc(String text) {
        try {
            Instant.parse(text);
            return text.endsWith("Z") && text.charAt(10) == 'T';
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static OpenAPI load() {
        OpenAPI spec = parse(SPEC_RESOURCE, false);
        OpenAPI supplement = parse(SUPPLEMENT_RESOURCE, true);
        Schema<?> errorSchema = supplement.getComponents().getSchemas().get(ERROR_SCHEMA);

        supplement.getComponents().getSchemas().forEach(spec.getComponents()::addSchemas);
        supplement.getPaths().forEach((path, extra) -> {
            PathItem item = spec.getPaths().get(path);
            if (item == null) {
                spec.getPaths().addPathItem(path, extra);
                return;
            }
            extra.readOperationsMap().forEach((method, extraOperation) -> {
                Operation operation = item.readOperationsMap().get(method);
                assertThat(operation).as("supplement adds responses to %s %s, which the spec lacks", method, path)
                        .isNotNull();
                extraOperation.getResponses().forEach((status, response) -> {
                    assertThat(operation.getResponses()).as("supplement must not replace %s %s %s", method, path, status)
                            .doesNotContainKey(status);
                    operation.getResponses().addApiResponse(status, response);
                });
            });
        });
        spec.getPaths().values().stream().flatMap(item -> item.readOperations().stream()).forEach(operation -> {
            if (operation.getSecurity() == null) {
                operation.setSecurity(spec.getSecurity());
            }
            operation.getResponses().forEach((status, response) -> {
                if (status.startsWith("4") || status.startsWith("5")) {
                    giveErrorSchema(response, errorSchema);
                }
            });
        });
        return spec;
    }

    private static void giveErrorSchema(ApiResponse response, Schema<?> errorSchema) {
        if (response.getContent() == null || response.getContent().isEmpty()) {
            response.setContent(new Content().addMediaType("application/json", new MediaType()));
        }
        response.getContent().values().stream()
                .filter(mediaType -> mediaType.getSchema() == null)
                .forEach(mediaType -> mediaType.setSchema(errorSchema));
    }

    private static OpenAPI parse(String resource, boolean resolveFully) {
        String text;
        try (InputStream in = OpenApiContract.class.getResourceAsStream(resource)) {
            assertThat(in).as("test resource %s", resource).isNotNull();
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setResolveFully(resolveFully);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(text, null, options);
        assertThat(result.getMessages()).as("parser messages for %s", resource).isEmpty();
        return result.getOpenAPI();
    }

    private static final class Holder {
        static final OpenApiContract INSTANCE = new OpenApiContract(load());
    }
}
