package io.github.stytchjakarta.core;

import io.github.stytchjakarta.core.internal.LogThrottle;
import io.github.stytchjakarta.core.internal.cache.VerifiedTokenCache;
import io.github.stytchjakarta.core.internal.json.StrictJson;
import io.github.stytchjakarta.core.internal.rbac.RbacPolicyCache;
import io.github.stytchjakarta.core.internal.webhook.ExpiringIds;
import io.github.stytchjakarta.core.internal.webhook.RevokedSubjects;
import io.github.stytchjakarta.core.internal.webhook.SvixSignature;
import io.github.stytchjakarta.core.internal.webhook.WebhookEvent;
import io.github.stytchjakarta.core.internal.webhook.WebhookEvent.Action;
import java.io.IOException;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Receives Stytch's Svix-signed webhooks (docs/webhooks.md) for the servlet endpoint of the filter and CDI
 * modules, which answer with {@link WebhookOutcome#status()}. Exists only when {@code stytch.webhook.secret} is
 * set ({@link Stytch#webhooks()}).
 *
 * <p>A delivery is checked in this order, and anything refused changes nothing: the body size
 * ({@link WebhookSettings#maxBodyBytes()}); the signature and timestamp ({@link SvixSignature}, also read from
 * the {@code webhook-*} headers of white-labelled Svix); the body, a JSON object with {@code project_id},
 * {@code event_id}, {@code action}, {@code object_type} and {@code id}; the {@code svix-id}, which must not have
 * been processed in the last two tolerances ({@link #MAX_REMEMBERED_MESSAGES} at most). An event of another
 * project is ignored with a warning. Then, on this node:
 * <table>
 *   <caption>What each event does</caption>
 *   <tr><th>{@code object_type}</th><th>effect</th></tr>
 *   <tr><td>{@code session}, {@code member_session}</td><td>{@code DELETE}: the session's JWTs are refused until they
 *       expire; any other action: its cached verifications are dropped</td></tr>
 *   <tr><td>{@code user}, {@code member}</td><td>{@code DELETE}, or a {@code status} of {@code deleted}: every JWT of the
 *       user or member is refused until it expires; any other change: their cached verifications are dropped
 *       (roles in a JWT stay until Stytch mints the next one)</td></tr>
 *   <tr><td>{@code organization}</td><td>{@code DELETE}: every member JWT of the organization is refused until it
 *       expires; otherwise its cached verifications and custom roles are dropped</td></tr>
 *   <tr><td>{@code rbac_policy}, {@code role}, {@code permission}, {@code resource}, {@code scope}</td><td>the
 *       project policy and the cached organization policies are refreshed in the background</td></tr>
 *   <tr><td>any other</td><td>ignored</td></tr>
 * </table>
 * Revocations are remembered by {@link RevokedSubjects} and consulted by the {@link SessionAuthenticator} after
 * every local verification and cache hit. Nothing here is shared between nodes (see docs/webhooks.md).
 *
 * <p>Thread-safe. Bodies, signatures and the secret are never logged; refusals are logged at WARNING at most once
 * a minute, with the outcome only.
 */
public final class StytchWebhooks {

    /** The most {@code svix-id}s remembered against replays. */
    public static final int MAX_REMEMBERED_MESSAGES = 10_000;

    private static final System.Logger LOG = System.getLogger(StytchWebhooks.class.getName());

    private final StytchConfig config;
    private final Clock clock;
    private final SvixSignature signature;
    private final ExpiringIds processed = new ExpiringIds("webhook message ids", MAX_REMEMBERED_MESSAGES);
    private final long rememberMillis;
    private final VerifiedTokenCache<AuthenticatedSession> sessions;
    private final RevokedSubjects revoked;
    private final RbacPolicyCache policies;
    private final LogThrottle refusals = new LogThrottle();

    StytchWebhooks(StytchConfig config, Clock clock, VerifiedTokenCache<AuthenticatedSession> sessions,
                   RevokedSubjects revoked, RbacPolicyCache policies) {
        this.config = config;
        this.clock = clock;
        WebhookSettings settings = config.webhook();
        this.signature = new SvixSignature(settings.secret().orElseThrow(), settings.tolerance());
        // a message older than the tolerance is refused by its timestamp, one from the future up to it is not
        this.rememberMillis = settings.tolerance().multipliedBy(2).toMillis();
        this.sessions = sessions;
        this.revoked = revoked;
        this.policies = policies;
    }

    /** @return the endpoint's settings ({@code stytch.webhook.*}) */
    public WebhookSettings settings() {
        return config.webhook();
    }

    /**
     * Verifies and applies one delivery.
     *
     * @param headers the request's header values by name ({@code null} when absent), e.g. {@code request::getHeader}
     * @param body    the raw body, at most {@link WebhookSettings#maxBodyBytes()} (larger is {@link WebhookOutcome#TOO_LARGE})
     * @return what was done
     */
    public WebhookOutcome handle(Function<String, String> headers, byte[] body) {
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(body, "body");
        long now = clock.millis();
        if (body.length > config.webhook().maxBodyBytes()) {
            return refused(WebhookOutcome.TOO_LARGE, now);
        }
        String id = header(headers, "id");
        SvixSignature.Verdict verdict = signature.verify(id, header(headers, "timestamp"), header(headers, "signature"),
                body, now);
        switch (verdict) {
            case MALFORMED -> {
                return refused(WebhookOutcome.MALFORMED, now);
            }
            case BAD_SIGNATURE -> {
                return refused(WebhookOutcome.BAD_SIGNATURE, now);
            }
            case STALE -> {
                return refused(WebhookOutcome.STALE_TIMESTAMP, now);
            }
            default -> {
                // VALID: go on
            }
        }
        Optional<WebhookEvent> event = parse(body);
        if (event.isEmpty()) {
            return refused(WebhookOutcome.MALFORMED, now);
        }
        if (!processed.add(id, now + rememberMillis, now)) {
            return refused(WebhookOutcome.REPLAYED, now);
        }
        if (!event.get().projectId().equals(config.projectId())) {
            if (refusals.tryWarn(now)) {
                LOG.log(System.Logger.Level.WARNING, "a webhook of another Stytch project was ignored: is this endpoint's "
                        + "secret shared with another project's webhook?");
            }
            return WebhookOutcome.IGNORED;
        }
        return apply(event.get(), now);
    }

    private WebhookOutcome apply(WebhookEvent event, long now) {
        String objectId = event.objectId();
        boolean delete = event.action() == Action.DELETE;
        WebhookOutcome outcome = switch (event.objectType()) {
            case "session", "member_session" -> revokeOrFlush(event, delete, objectId, p -> p.sessionId().equals(objectId), now);
            case "user", "member" -> revokeOrFlush(event, delete || event.status().filter("deleted"::equals).isPresent(),
                    objectId, p -> p.getName().equals(objectId), now);
            case "organization" -> {
                policies.dropOrganization(objectId);
                yield revokeOrFlush(event, delete, objectId,
                        p -> p instanceof StytchMember member && member.organizationId().equals(objectId), now);
            }
            case "rbac_policy", "role", "permission", "resource", "scope" -> {
                event.organizationId().ifPresent(policies::dropOrganization);
                policies.refreshSoon();
                yield WebhookOutcome.PROCESSED;
            }
            default -> WebhookOutcome.IGNORED;
        };
        LOG.log(System.Logger.Level.DEBUG, () -> "webhook " + event.objectType() + " " + event.action() + " " + objectId
                + ": " + outcome);
        return outcome;
    }

    private WebhookOutcome revokeOrFlush(WebhookEvent event, boolean revoke, String objectId,
                                         Predicate<StytchPrincipal> affected, long now) {
        if (event.action() == Action.CREATE || event.action() == Action.OTHER) {
            return WebhookOutcome.IGNORED; // nothing of a new object is cached
        }
        if (revoke) {
            revoked.revoke(objectId, now); // before the flush: a request in between must not re-cache it
        }
        sessions.invalidate(session -> affected.test(session.principal()));
        return WebhookOutcome.PROCESSED;
    }

    private WebhookOutcome refused(WebhookOutcome outcome, long now) {
        if (refusals.tryWarn(now)) {
            LOG.log(System.Logger.Level.WARNING, "a webhook delivery was refused: " + outcome
                    + (outcome == WebhookOutcome.BAD_SIGNATURE ? " (check " + StytchConfig.Keys.WEBHOOK_SECRET + ")" : ""));
        }
        return outcome;
    }

    // svix-* headers, or the webhook-* headers of white-labelled Svix (both are read by Svix's own libraries)
    private static String header(Function<String, String> headers, String name) {
        String value = headers.apply("svix-" + name);
        return value != null ? value : headers.apply("webhook-" + name);
    }

    private static Optional<WebhookEvent> parse(byte[] body) {
        Map<String, Object> json;
        try {
            json = StrictJson.readObject(body, 0, body.length);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        Optional<String> projectId = text(json, "project_id");
        Optional<String> eventId = text(json, "event_id");
        Optional<String> action = text(json, "action");
        Optional<String> objectType = text(json, "object_type").map(type -> type.toLowerCase(Locale.ROOT));
        Optional<String> objectId = text(json, "id");
        if (projectId.isEmpty() || eventId.isEmpty() || action.isEmpty() || objectType.isEmpty() || objectId.isEmpty()) {
            return Optional.empty();
        }
        // CREATE and UPDATE events carry the object under the key named by object_type
        Map<?, ?> object = json.get(objectType.get()) instanceof Map<?, ?> map ? map : Map.of();
        Optional<String> organizationId = text(object, "organization_id").or(() -> text(json, "organization_id"));
        return Optional.of(new WebhookEvent(projectId.get(), eventId.get(), Action.of(action.get()),
                objectType.get(), text(json, "source").orElse(""), objectId.get(), organizationId, text(object, "status")));
    }

    private static Optional<String> text(Map<?, ?> json, String name) {
        return json.get(name) instanceof String value && !value.isEmpty() ? Optional.of(value) : Optional.empty();
    }
}
