package org.borderwatch.history;

import java.util.List;

/**
 * The collection names under which changes are recorded: the API's own path names, child
 * collections named after their parent.
 */
public final class HistoryCollections {

	public static final String ACTORS = "actors";

	public static final String SOURCES = "sources";

	public static final String INCIDENTS = "incidents";

	public static final String CEASEFIRES = "ceasefires";

	/** A ceasefire's violations; their parent is the ceasefire. */
	public static final String CEASEFIRE_VIOLATIONS = "ceasefire-violations";

	public static final String NEGOTIATIONS = "negotiations";

	/** Talks rounds; their parent is the negotiation. */
	public static final String TALKS_ROUNDS = "talks-rounds";

	public static final String CROSSINGS = "crossings";

	/** A crossing's status changes; their parent is the crossing. */
	public static final String CROSSING_STATUS_CHANGES = "crossing-status-changes";

	/** Every collection, in the order the API documents them. */
	public static final List<String> ALL = List.of(ACTORS, SOURCES, INCIDENTS, CEASEFIRES, CEASEFIRE_VIOLATIONS,
			NEGOTIATIONS, TALKS_ROUNDS, CROSSINGS, CROSSING_STATUS_CHANGES);

	private HistoryCollections() {
	}

}
