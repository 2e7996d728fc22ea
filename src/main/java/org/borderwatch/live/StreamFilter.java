package org.borderwatch.live;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.borderwatch.common.Countries;
import org.borderwatch.common.InvalidInputException;
import org.borderwatch.history.HistoryCollections;

/**
 * Which changes a stream or a webhook wants. Parameters combine with AND, the values of
 * one parameter with OR. {@code collection} matches the change itself; {@code kind},
 * {@code country} and {@code actor} match the changed record's timeline entries as they
 * are when the change is read: a record without a timeline entry (an actor, a source, a
 * deleted record) matches none of them.
 *
 * @param collections the feed's collections, empty for all
 * @param kinds timeline kinds, empty for all
 * @param countries ISO 3166-1 alpha-3 codes, empty for all
 * @param actors actor ids, empty for all
 */
public record StreamFilter(Set<String> collections, Set<String> kinds, Set<String> countries, Set<UUID> actors) {

	/** The timeline's kinds, as its {@code kind} filter names them. */
	static final List<String> KINDS = List.of("INCIDENT", "CEASEFIRE_AGREED", "CEASEFIRE_ENDED", "TALKS_ROUND",
			"CROSSING_STATUS_CHANGED");

	public static final StreamFilter ALL = new StreamFilter(Set.of(), Set.of(), Set.of(), Set.of());

	public StreamFilter {
		collections = Set.copyOf(collections);
		kinds = Set.copyOf(kinds);
		countries = Set.copyOf(countries);
		actors = Set.copyOf(actors);
	}

	/**
	 * Reads the filter from query parameters (repeated or comma-separated values).
	 * @throws InvalidInputException (400 naming the parameter) for an unknown value
	 */
	public static StreamFilter parse(List<String> collection, List<String> kind, List<String> country,
			List<String> actor) {
		Set<String> collections = new LinkedHashSet<>();
		for (String value : split(collection)) {
			if (!HistoryCollections.ALL.contains(value)) {
				throw InvalidInputException.forField("collection",
						"'" + value + "' is not a collection; one of " + String.join(", ", HistoryCollections.ALL));
			}
			collections.add(value);
		}
		Set<String> kinds = new LinkedHashSet<>();
		for (String value : split(kind)) {
			String upper = value.toUpperCase(Locale.ROOT);
			if (!KINDS.contains(upper)) {
				throw InvalidInputException.forField("kind",
						"'" + value + "' is not a timeline kind; one of " + String.join(", ", KINDS));
			}
			kinds.add(upper);
		}
		Set<String> countries = new LinkedHashSet<>(Countries.parseFilter("country", split(country)));
		Set<UUID> actors = new LinkedHashSet<>();
		for (String value : split(actor)) {
			try {
				actors.add(UUID.fromString(value));
			}
			catch (IllegalArgumentException ex) {
				throw InvalidInputException.forField("actor", "'" + value + "' is not an actor id (a UUID)");
			}
		}
		return new StreamFilter(collections, kinds, countries, actors);
	}

	private static List<String> split(List<String> values) {
		List<String> parts = new ArrayList<>();
		if (values != null) {
			for (String value : values) {
				for (String part : value.split(",")) {
					if (!part.isBlank()) {
						parts.add(part.strip());
					}
				}
			}
		}
		return parts;
	}

	/** Whether matching needs the records' timeline entries. */
	public boolean needsTimelineEntries() {
		return !this.kinds.isEmpty() || !this.countries.isEmpty() || !this.actors.isEmpty();
	}

	/**
	 * Whether the change passes; {@code event} carries its timeline entries when
	 * {@link #needsTimelineEntries()}.
	 */
	public boolean matches(FeedEvent event) {
		if (!this.collections.isEmpty() && !this.collections.contains(event.collection())) {
			return false;
		}
		if (!needsTimelineEntries()) {
			return true;
		}
		if (event.entries() == null) {
			throw new IllegalStateException("The timeline entries of " + event.recordId() + " were not loaded");
		}
		for (FeedEvent.TimelineFacet entry : event.entries()) {
			if ((this.kinds.isEmpty() || this.kinds.contains(entry.kind()))
					&& (this.countries.isEmpty() || entry.countries().stream().anyMatch(this.countries::contains))
					&& (this.actors.isEmpty() || entry.actors().stream().anyMatch(this.actors::contains))) {
				return true;
			}
		}
		return false;
	}

}
