package org.borderwatch.common;

/** The page-size rules every list shares. */
public final class PageLimit {

	public static final int DEFAULT = 50;

	public static final int MAX = 500;

	private PageLimit() {
	}

	/** The requested page size, or a 400 on {@code limit} when it is outside 1..500. */
	public static int check(Integer limit) {
		if (limit == null) {
			return DEFAULT;
		}
		if (limit < 1 || limit > MAX) {
			throw InvalidInputException.forField("limit", "must be between 1 and " + MAX);
		}
		return limit;
	}

}
