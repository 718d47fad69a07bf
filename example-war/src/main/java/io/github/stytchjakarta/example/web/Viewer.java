package io.github.stytchjakarta.example.web;

import io.github.stytchjakarta.core.AuthenticationFactor;
import io.github.stytchjakarta.core.StytchMember;
import io.github.stytchjakarta.core.StytchPrincipal;
import io.github.stytchjakarta.core.StytchUser;
import io.github.stytchjakarta.example.documents.Workspace;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Who is looking at a page, as the page header shows it.
 *
 * @param displayName the email address the session was authenticated with, else the member or user id
 * @param workspace   the label of the caller's {@link Workspace}: the organization slug, or {@code personal}
 * @param roles       the roles worth showing: the Stytch roles without the implicit {@code stytch_member} /
 *                    {@code stytch_user}
 * @param admin       whether the admin page is open to the viewer
 */
public record Viewer(String displayName, String workspace, List<String> roles, boolean admin) {

    /** The application role of the admin page ({@code @RolesAllowed}). */
    public static final String ADMIN_ROLE = "admin";

    private static final Set<String> IMPLICIT_ROLES = Set.of("stytch_member", "stytch_user");

    /** Requires every part; copies the roles. */
    public Viewer {
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(workspace, "workspace");
        roles = List.copyOf(roles);
    }

    /**
     * @param principal the caller
     * @param roles     the caller's roles (Stytch roles and mapped application roles)
     * @return the viewer
     */
    public static Viewer of(StytchPrincipal principal, Collection<String> roles) {
        List<String> shown = roles.stream().filter(role -> !IMPLICIT_ROLES.contains(role)).toList();
        return new Viewer(emailOf(principal).orElse(principal.getName()), Workspace.of(principal).label(), shown,
                roles.contains(ADMIN_ROLE));
    }

    /**
     * The email address of the session's email factor (magic link, one-time passcode, password), if any.
     *
     * @param principal the caller
     * @return the address
     */
    public static Optional<String> emailOf(StytchPrincipal principal) {
        List<AuthenticationFactor> factors = principal instanceof StytchMember member
                ? member.session().authenticationFactors() : ((StytchUser) principal).session().authenticationFactors();
        return factors.stream()
                .map(factor -> factor.details().get("email_factor"))
                .filter(Map.class::isInstance)
                .map(details -> ((Map<?, ?>) details).get("email_address"))
                .filter(String.class::isInstance)
                .map(String.class::cast)
                .findFirst();
    }
}
