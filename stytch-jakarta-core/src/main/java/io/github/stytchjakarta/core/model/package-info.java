/**
 * Typed requests and responses of the Stytch API calls the library makes. Field names mirror the
 * Stytch OpenAPI schemas (snake_case in JSON, camelCase here); unknown fields are ignored, and factor
 * types and similar open-ended values are plain strings so that new values never break parsing.
 * Records holding a token or secret mask it in {@code toString()}.
 */
package io.github.stytchjakarta.core.model;
