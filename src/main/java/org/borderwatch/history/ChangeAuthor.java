package org.borderwatch.history;

/**
 * The caller a change is attributed to: a principal name (API key name, token subject)
 * and its role, null when the caller is anonymous.
 */
public record ChangeAuthor(String name, String role) {

	/** Writes made outside any request (demo data loading, scheduled work). */
	public static final ChangeAuthor SYSTEM = new ChangeAuthor("system", null);

}
