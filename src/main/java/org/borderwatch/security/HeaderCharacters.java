package org.borderwatch.security;

import java.util.function.Predicate;

import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * The firewall's checks of header names and values, with the same verdicts as Spring
 * Security's defaults ({@link StrictHttpFirewall#ALLOWED_HEADER_NAMES},
 * {@link StrictHttpFirewall#ALLOWED_HEADER_VALUES}: assigned characters that are not
 * controls, a tab allowed in values), answered by a loop when every character is
 * printable ASCII. The defaults are regular expressions over Unicode properties, run on
 * every {@code getHeader} call of the request: in CPU profiles of actor creates they were
 * 4% of the request's time. Any other string is left to the default check.
 */
final class HeaderCharacters {

	private HeaderCharacters() {
	}

	/** Header names: printable ASCII, else the default check. */
	static Predicate<String> names() {
		Predicate<String> fallback = StrictHttpFirewall.ALLOWED_HEADER_NAMES;
		return (name) -> printableAscii(name, false) || fallback.test(name);
	}

	/** Header values: printable ASCII and tabs, else the default check. */
	static Predicate<String> values() {
		Predicate<String> fallback = StrictHttpFirewall.ALLOWED_HEADER_VALUES;
		return (value) -> printableAscii(value, true) || fallback.test(value);
	}

	/** The firewall Spring Security uses by default, with these two checks. */
	static StrictHttpFirewall firewall() {
		StrictHttpFirewall firewall = new StrictHttpFirewall();
		firewall.setAllowedHeaderNames(names());
		firewall.setAllowedHeaderValues(values());
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
