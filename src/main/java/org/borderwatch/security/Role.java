package org.borderwatch.security;

import java.util.Locale;
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

	/** The Spring Security authority of this role alone (the hierarchy adds the rest). */
	GrantedAuthority authority() {
		return new SimpleGrantedAuthority("ROLE_" + name());
	}

	boolean includes(Role other) {
		return compareTo(other) >= 0;
	}

	/** The role named (any case), if it is one. */
	static Optional<Role> parse(String name) {
		if (name == null) {
			return Optional.empty();
		}
		try {
			return Optional.of(valueOf(name.strip().toUpperCase(Locale.ROOT)));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

}
