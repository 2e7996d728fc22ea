package org.borderwatch.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The security settings ({@code borderwatch.security.*}).
 *
 * @param publicRead whether anonymous callers may read (GET); when false, reads need
 * READER
 * @param bootstrapAdminKey an admin key secret (at least 32 characters) that is made to
 * exist at start
 * @param jwtRolesClaim the JWT claim holding the caller's roles (a string or a list of
 * strings: READER, EDITOR, ADMIN)
 * @param apiKeyCache how long an instance may answer for an API key from memory instead
 * of looking it up ({@link ApiKeys}); zero looks every request up
 */
@ConfigurationProperties("borderwatch.security")
record SecurityProperties(Boolean publicRead, String bootstrapAdminKey, String jwtRolesClaim, Duration apiKeyCache) {

	SecurityProperties {
		publicRead = (publicRead == null) ? Boolean.TRUE : publicRead;
		jwtRolesClaim = (jwtRolesClaim == null || jwtRolesClaim.isBlank()) ? "roles" : jwtRolesClaim;
		apiKeyCache = (apiKeyCache == null || apiKeyCache.isNegative()) ? ApiKeys.DEFAULT_CACHE : apiKeyCache;
	}

}
