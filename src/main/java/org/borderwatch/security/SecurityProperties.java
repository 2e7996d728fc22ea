package org.borderwatch.security;

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
 */
@ConfigurationProperties("borderwatch.security")
record SecurityProperties(Boolean publicRead, String bootstrapAdminKey, String jwtRolesClaim) {

	SecurityProperties {
		publicRead = (publicRead == null) ? Boolean.TRUE : publicRead;
		jwtRolesClaim = (jwtRolesClaim == null || jwtRolesClaim.isBlank()) ? "roles" : jwtRolesClaim;
	}

}
