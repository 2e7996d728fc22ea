package org.borderwatch.security;

import org.springframework.security.core.Authentication;

/**
 * What other packages may ask about an authenticated caller, without reaching into the
 * access rules themselves.
 */
public final class Callers {

	private Callers() {
	}

	/**
	 * The highest role the caller holds, or null when it holds none (an anonymous
	 * caller).
	 */
	public static Role roleOf(Authentication authentication) {
		return AccessRules.roleOf(authentication);
	}

}
