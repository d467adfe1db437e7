package io.backforge.api.security;

import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

/** The development profile's client-credentials client for scripts ({@code dev-client}). */
record DevScriptsClient(RegisteredClient client) {}
