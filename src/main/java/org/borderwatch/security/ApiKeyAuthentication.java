package org.borderwatch.security;

import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;

/**
 * A caller authenticated by an API key: its name is the key's name, its one authority the
 * key's role.
 */
final class ApiKeyAuthentication extends AbstractAuthenticationToken {

	private final ApiKeys.ApiKey key;

	ApiKeyAuthentication(ApiKeys.ApiKey key) {
		super(List.of(key.role().authority()));
		this.key = key;
		setAuthenticated(true);
	}

	ApiKeys.ApiKey key() {
		return this.key;
	}

	@Override
	public Object getCredentials() {
		return null;
	}

	@Override
	public Object getPrincipal() {
		return this.key.name();
	}

	@Override
	public String getName() {
		return this.key.name();
	}

}
