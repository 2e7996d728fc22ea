package org.borderwatch.security;

import java.util.Optional;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * What a caller may do. Each role includes the one before it: an editor reads, an admin
 * edits.
 */
public enum Role {

	/** Reads everything (needed only when reads are not public). */
	READER,

	/** Creates, changes and deletes records. */
	EDITOR,

	/** Manages API keys and reads the operations endpoints. */
	ADMIN;

	private static final Role[] VALUES = values();

	/** The Spring Security authority of this role alone (the hierarchy adds the rest). */
	GrantedAuthority authority() {
		return new SimpleGrantedAuthority("ROLE_" + name());
	}

	boolean includes(Role other) {
		return compareTo(other) >= 0;
	}

	/**
	 * The role named (any case), if it is one. Compares rather than calling
	 * {@code valueOf}: every anonymous request asks about {@code ANONYMOUS}, and an
	 * exception per request is not free.
	 */
	static Optional<Role> parse(String name) {
		if (name == null) {
			return Optional.empty();
		}
		String stripped = name.strip();
		for (Role role : VALUES) {
			if (role.name().equalsIgnoreCase(stripped)) {
				return Optional.of(role);
			}
		}
		return Optional.empty();
	}

}
