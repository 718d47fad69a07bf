/**
 * Stytch authentication for any Servlet 6 container, without CDI, Jakarta Security or JASPIC.
 *
 * <p>{@link io.github.stytchjakarta.filter.StytchAuthenticationFilter} is the servlet filter;
 * {@link io.github.stytchjakarta.filter.StytchWebAuthenticator} holds the container-neutral logic it
 * shares with the CDI module's authentication mechanism; {@link io.github.stytchjakarta.filter.StytchWebConfig}
 * documents every {@code stytch.web.*} key; {@link io.github.stytchjakarta.filter.StytchAttributes} names
 * the request attributes. Types in {@code io.github.stytchjakarta.filter.internal} are not API.
 */
package io.github.stytchjakarta.filter;
