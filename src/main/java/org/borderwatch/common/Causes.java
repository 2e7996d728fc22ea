package org.borderwatch.common;

/** Looks through an exception's chain of causes. */
final class Causes {

	private Causes() {
	}

	/**
	 * The first cause of {@code type} in {@code ex}'s chain (itself included), or null.
	 */
	static <T extends Throwable> T find(Throwable ex, Class<T> type) {
		Throwable current = ex;
		while (current != null) {
			if (type.isInstance(current)) {
				return type.cast(current);
			}
			current = (current.getCause() == current) ? null : current.getCause();
		}
		return null;
	}

	/**
	 * True when the client hung up before the answer was written: nobody is left to read
	 * a problem, and it is not a server failure.
	 */
	static boolean clientWentAway(Throwable ex) {
		for (Throwable current = ex; current != null; current = (current.getCause() == current) ? null
				: current.getCause()) {
			if (current.getClass().getSimpleName().equals("ClientAbortException")
					|| current instanceof org.springframework.web.context.request.async.AsyncRequestNotUsableException) {
				return true;
			}
		}
		return false;
	}

}
