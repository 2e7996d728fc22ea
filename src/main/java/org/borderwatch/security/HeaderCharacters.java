package org.borderwatch.security;

import java.util.function.Predicate;

import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * The firewall's checks of header names and values and of query parameter names, with the
 * same verdicts as Spring Security's defaults
 * ({@link StrictHttpFirewall#ALLOWED_HEADER_NAMES},
 * {@link StrictHttpFirewall#ALLOWED_HEADER_VALUES},
 * {@link StrictHttpFirewall#ALLOWED_PARAMETER_NAMES}: assigned characters that are not
 * controls, a tab allowed in header values), answered by a loop when every character is
 * printable ASCII. The defaults are regular expressions over Unicode properties, run on
 * every {@code getHeader} and {@code getParameter} call of the request: in CPU profiles
 * they were 4% of an actor create's time, and 1.6% of a timeline page's for the parameter
 * names alone. Any other string is left to the default check.
 */
final class HeaderCharacters {

	private HeaderCharacters() {
	}

	/** Header names: printable ASCII, else the default check. */
	static Predicate<String> names() {
		Predicate<String> fallback = StrictHttpFirewall.ALLOWED_HEADER_NAMES;
		return (name) -> printableAscii(name, false) || fallback.test(name);
	}

	/**
	 * Query parameter names: printable ASCII, else the default check (the same rule as
	 * for header names).
	 */
	static Predicate<String> parameterNames() {
		Predicate<String> fallback = StrictHttpFirewall.ALLOWED_PARAMETER_NAMES;
		return (name) -> printableAscii(name, false) || fallback.test(name);
	}

	/** Header values: printable ASCII and tabs, else the default check. */
	static Predicate<String> values() {
		Predicate<String> fallback = StrictHttpFirewall.ALLOWED_HEADER_VALUES;
		return (value) -> printableAscii(value, true) || fallback.test(value);
	}

	/** The firewall Spring Security uses by default, with these three checks. */
	static StrictHttpFirewall firewall() {
		StrictHttpFirewall firewall = new StrictHttpFirewall();
		firewall.setAllowedHeaderNames(names());
		firewall.setAllowedHeaderValues(values());
		firewall.setAllowedParameterNames(parameterNames());
		return firewall;
	}

	static boolean printableAscii(String text, boolean tabAllowed) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if ((c < 0x20 || c > 0x7e) && !(tabAllowed && c == '\t')) {
				return false;
			}
		}
		return true;
	}

}
