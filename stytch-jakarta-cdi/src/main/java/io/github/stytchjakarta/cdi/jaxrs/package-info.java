/**
 * JAX-RS support, found by JAX-RS provider scanning (where JAX-RS is absent, CDI skips these classes
 * because they cannot be loaded): exception mappers answering refused calls (also an EJB's
 * {@code @RolesAllowed}) and an unavailable Stytch with {@code application/problem+json} like the
 * filter, and a request filter that
 * makes JAX-RS's {@code SecurityContext} reflect the Stytch caller.
 */
package io.github.stytchjakarta.cdi.jaxrs;
