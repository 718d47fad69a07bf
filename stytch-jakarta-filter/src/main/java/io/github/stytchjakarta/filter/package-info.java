/**
 * Stytch authentication for any Servlet 6 container, without CDI or JASPIC.
 * <p>
 * Work in progress: see the project's issue on the servlet filter.
 */
package io.github.stytchjakarta.filter;
