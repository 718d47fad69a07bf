/**
 * The Stytch emulator: a local Stytch API over real HTTP ({@link io.github.stytchjakarta.testkit.StytchEmulator}),
 * a JWT minter, seeding types, fault injection, a JUnit 5 extension
 * ({@link io.github.stytchjakarta.testkit.StytchEmulatorExtension}) and a standalone server with demo data
 * ({@link io.github.stytchjakarta.testkit.StytchEmulatorMain}).
 *
 * <p>Endpoints (all answer JSON, errors as Stytch's five-field error body):
 * <ul>
 * <li>{@code GET /v1/sessions/jwks/{project_id}}, {@code GET /v1/b2b/sessions/jwks/{project_id}}: with or without
 * Basic credentials (wrong ones are 401), {@code Cache-Control: public, max-age=900}</li>
 * <li>{@code POST /v1/sessions/authenticate}, {@code POST /v1/b2b/sessions/authenticate}</li>
 * <li>{@code GET /v1/sessions?user_id=}, {@code GET /v1/b2b/sessions?organization_id=&member_id=}</li>
 * <li>{@code POST /v1/sessions/revoke}, {@code POST /v1/b2b/sessions/revoke}</li>
 * <li>{@code GET /v1/rbac/policy}, {@code GET /v1/b2b/rbac/policy}, {@code GET /v1/b2b/rbac/organizations/{id}}</li>
 * <li>{@code POST /v1/public/{project_id}/oauth2/token} (and {@code /v1/oauth2/token}): M2M client credentials,
 * form or JSON, no project credentials needed</li>
 * <li>{@code POST /v1/connected_apps/clients}, {@code GET} and {@code DELETE /v1/connected_apps/clients/{client_id}}</li>
 * <li>{@code POST /v1/public/{project_id}/oauth2/introspect} (and {@code /v1/oauth2/introspect}): RFC 7662, form body,
 * Connected-App client credentials instead of the project's</li>
 * <li>{@code GET /.well-known/openid-configuration} (and {@code /v1/public/{project_id}/.well-known/...}),
 * {@code GET /.well-known/oauth-authorization-server}, {@code GET /.well-known/jwks.json}: no credentials</li>
 * <li>{@code GET /v1/debug/whoami}: the project id and the name
 * {@value io.github.stytchjakarta.testkit.internal.DebugEndpoint#PROJECT_NAME}</li>
 * </ul>
 * Every other path is 404 {@code route_not_found}; every other API call needs Basic {@code project_id:secret}, else
 * 401 {@code unauthorized_credentials}.
 */
package io.github.stytchjakarta.testkit;
