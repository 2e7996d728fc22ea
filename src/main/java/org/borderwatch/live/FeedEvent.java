package org.borderwatch.live;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;

import org.borderwatch.history.Change;

/**
 * One change of the feed as the stream sends it: its position (the event id), the event
 * name ({@code <collection>.<action>}, e.g. {@code crossing-status-changes.created}) and
 * the feed item as one line of JSON, serialised once for every stream.
 * <p>
 * {@code entries} are the record's timeline entries (kind, countries, actors) that the
 * {@code kind}, {@code country} and {@code actor} filters match against, loaded only when
 * a stream asks for them: null when not loaded.
 */
public record FeedEvent(FeedPosition position, String collection, String action, UUID recordId, String name,
		String data, List<TimelineFacet> entries) {

	static FeedEvent of(Change change, JsonMapper json) {
		// JSON has no raw line break inside a string, so dropping them keeps it valid and
		// makes the item one "data:" line
		String data = json.writeValueAsString(change).replace("\n", "").replace("\r", "");
		return new FeedEvent(FeedPosition.parse(change.cursor(), "after"), change.collection(), change.action(),
				change.id(), change.collection() + "." + change.action().toLowerCase(Locale.ROOT), data, null);
	}

	FeedEvent withEntries(List<TimelineFacet> found) {
		return new FeedEvent(this.position, this.collection, this.action, this.recordId, this.name, this.data, found);
	}

	/**
	 * A timeline entry of the changed record, as the filters see it.
	 *
	 * @param kind the entry's kind (INCIDENT, CEASEFIRE_AGREED, ...)
	 * @param countries its countries
	 * @param actors the ids of the actors taking part
	 */
	public record TimelineFacet(String kind, Set<String> countries, Set<UUID> actors) {

	}

}
