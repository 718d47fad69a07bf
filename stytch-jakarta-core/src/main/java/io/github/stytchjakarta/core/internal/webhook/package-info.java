/** Verification of Stytch's Svix-signed webhooks, replay protection and the revocations they cause; not an API. */
package io.github.stytchjakarta.core.internal.webhook;
