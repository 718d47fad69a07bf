/**
 * Implementation of the emulator: state, HTTP handling, JSON rendering, key material. Not API: these types may
 * change in any release.
 */
package io.github.stytchjakarta.testkit.internal;
