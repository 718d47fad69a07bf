/** Implementation of stytch-jakarta core; not API, may change in any release. */
package io.github.stytchjakarta.core.internal.config;
