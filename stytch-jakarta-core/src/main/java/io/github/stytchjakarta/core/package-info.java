/**
 * stytch-jakarta core: Stytch sessions, RBAC and M2M tokens for any Java 17 application, with no
 * Jakarta dependency.
 *
 * <p>Start with {@link io.github.stytchjakarta.core.Stytch}, built from a
 * {@link io.github.stytchjakarta.core.StytchConfig}:
 * <ul>
 *   <li>{@link io.github.stytchjakarta.core.SessionAuthenticator}: session JWTs verified locally,
 *       opaque tokens and expired JWTs checked with Stytch, principals
 *       {@link io.github.stytchjakarta.core.StytchUser} / {@link io.github.stytchjakarta.core.StytchMember};</li>
 *   <li>{@link io.github.stytchjakarta.core.StytchAuthorizer}: local RBAC checks with Stytch's semantics;</li>
 *   <li>{@link io.github.stytchjakarta.core.M2mTokenVerifier}: M2M access tokens and scopes;</li>
 *   <li>{@link io.github.stytchjakarta.core.StytchClient}: the typed Stytch API calls behind them.</li>
 * </ul>
 * Configuration keys are read once, the same way in every module, with
 * {@code .internal.config.ConfigReader}. Everything under {@code .internal} is
 * implementation, not API.
 */
package io.github.stytchjakarta.core;
