/**
 * Implementation of the CDI module: the portable extension, producers, the interceptor and its rule
 * cache, the MicroProfile Config adapter. Not API: may change in any release.
 */
package io.github.stytchjakarta.cdi.internal;
