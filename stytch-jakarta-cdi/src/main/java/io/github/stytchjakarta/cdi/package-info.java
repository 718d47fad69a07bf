/**
 * CDI producers, the Jakarta Security {@code HttpAuthenticationMechanism} and the RBAC interceptors.
 * <p>
 * Work in progress: see the project's issue on CDI and Jakarta Security.
 */
package io.github.stytchjakarta.cdi;
