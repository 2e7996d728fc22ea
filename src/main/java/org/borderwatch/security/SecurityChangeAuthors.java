package org.borderwatch.security;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import org.borderwatch.history.ChangeAuthor;
import org.borderwatch.history.ChangeAuthorSource;

/**
 * Names the author of a change after the authenticated caller: the API key's name or the
 * token's subject, with its role.
 */
final class SecurityChangeAuthors implements ChangeAuthorSource {

	@Override
	public ChangeAuthor current() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null) {
			return ChangeAuthor.SYSTEM;
		}
		if (authentication instanceof AnonymousAuthenticationToken) {
			return new ChangeAuthor("anonymous", null);
		}
		Role role = AccessRules.roleOf(authentication);
		return new ChangeAuthor(authentication.getName(), (role != null) ? role.name() : null);
	}

}
