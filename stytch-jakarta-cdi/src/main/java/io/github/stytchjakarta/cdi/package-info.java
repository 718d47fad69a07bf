/**
 * Stytch for Jakarta EE 10 through CDI: configuration from MicroProfile Config ({@code stytch.*}, the
 * filter's keys, validated at deployment), injectable {@code Stytch} facade, client and verifiers,
 * the current caller ({@link io.github.stytchjakarta.cdi.CurrentStytchSession} and the typed principal
 * and session), the Jakarta Security {@link io.github.stytchjakarta.cdi.StytchAuthenticationMechanism},
 * the {@link io.github.stytchjakarta.cdi.RequiresAuthentication},
 * {@link io.github.stytchjakarta.cdi.RequiresRole} and {@link io.github.stytchjakarta.cdi.RequiresPermission}
 * checks with their exceptions, and authentication events. JAX-RS support lives in
 * {@code io.github.stytchjakarta.cdi.jaxrs}; {@code .internal} is not API.
 */
package io.github.stytchjakarta.cdi;
