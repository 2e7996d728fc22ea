package org.borderwatch.history;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import org.borderwatch.security.Callers;
import org.borderwatch.security.Role;

/**
 * Names the author of a change after the authenticated caller: the API key's name or the
 * token's subject, with its role.
 */
@Component
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
		Role role = Callers.roleOf(authentication);
		return new ChangeAuthor(authentication.getName(), (role != null) ? role.name() : null);
	}

}
