/**
 * The example documents app: a multi-tenant B2B app (or, with {@code stytch.vertical=consumer}, a consumer one)
 * whose sign-in, sessions and roles all come from Stytch through stytch-jakarta.
 *
 * <ul>
 *   <li>{@code io.github.stytchjakarta.example.documents}: the documents, kept apart by workspace (tenant);</li>
 *   <li>{@code io.github.stytchjakarta.example.api}: the JSON API ({@code /api/...});</li>
 *   <li>{@code io.github.stytchjakarta.example.mcp}: the MCP server ({@code /mcp}) for AI agents with Connected-App
 *       tokens, on the official MCP Java SDK;</li>
 *   <li>{@code io.github.stytchjakarta.example.web}: the HTML pages and the error answers;</li>
 *   <li>{@code io.github.stytchjakarta.example.dev}: the launcher on embedded Jetty with the Stytch emulator and
 *       a development sign-in page; not part of the WAR.</li>
 * </ul>
 * Configuration: {@code META-INF/microprofile-config.properties}.
 */
package io.github.stytchjakarta.example;
