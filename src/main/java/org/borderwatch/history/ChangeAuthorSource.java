package org.borderwatch.history;

/**
 * Finds the caller of the current thread's request, for the attribution of its changes.
 * The security feature provides one; without it every change is the system's.
 */
public interface ChangeAuthorSource {

	/** The current caller, or {@link ChangeAuthor#SYSTEM} outside a request. */
	ChangeAuthor current();

}
