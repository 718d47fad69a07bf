package io.github.stytchjakarta.core.internal.webhook;

import java.util.Objects;
import java.util.Optional;

/**
 * One Stytch webhook event as stytch-jakarta reads it (docs/webhooks.md): {@code project_id}, {@code event_id},
 * {@code action}, {@code object_type}, {@code source}, {@code id} (the object's id) and, where the event's object
 * carries it, the organization and the member or user the object belongs to. The object itself is not kept.
 *
 * <p>Internal: the library reads it, applications see its effects only. Immutable and thread-safe.
 * {@link #toString()} holds ids only.
 *
 * @param projectId      {@code project_id}
 * @param eventId        {@code event_id}
 * @param action         {@code action}
 * @param objectType     {@code object_type}, lower case, e.g. {@code member}
 * @param source         {@code source}, e.g. {@code DIRECT}, {@code DASHBOARD} or {@code SCIM}; empty string when absent
 * @param objectId       {@code id}, the id of the object acted upon
 * @param organizationId the organization of the object ({@code organization_id} of the object or the event)
 * @param status         the object's {@code status} (a member's {@code active}, {@code deleted}...), when it has one
 */
public record WebhookEvent(String projectId, String eventId, Action action, String objectType, String source,
                                 String objectId, Optional<String> organizationId, Optional<String> status) {

    /** Requires every part. */
    public WebhookEvent {
        Objects.requireNonNull(projectId, "projectId");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(objectType, "objectType");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(objectId, "objectId");
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(status, "status");
    }

    /** {@code action}: what was done to the object. */
    public enum Action {
        /** {@code CREATE}. */
        CREATE,
        /** {@code UPDATE}. */
        UPDATE,
        /** {@code DELETE}. */
        DELETE,
        /** Any other value: the event is ignored. */
        OTHER;

        /**
         * @param value the {@code action} value
         * @return the action, {@link #OTHER} when unknown
         */
        public static Action of(String value) {
            return switch (value) {
                case "CREATE" -> CREATE;
                case "UPDATE" -> UPDATE;
                case "DELETE" -> DELETE;
                default -> OTHER;
            };
        }
    }
}
