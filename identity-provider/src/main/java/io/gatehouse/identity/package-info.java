/**
 * The development identity provider: Spring Authorization Server with OIDC, a persisted RS256
 * signing key, demo users (one per governance role) and a {@code POST /dev/token} shortcut for curl.
 * For the local stack and tests only; production points the services at the organisation's OIDC
 * provider instead.
 */
package io.gatehouse.identity;
