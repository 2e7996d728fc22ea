package org.borderwatch.importing;

import java.time.LocalDate;
import java.util.List;

import org.borderwatch.actor.ActorKind;
import org.borderwatch.common.DatePrecision;
import org.borderwatch.incident.ActorRole;
import org.borderwatch.incident.CasualtyCategory;
import org.borderwatch.incident.EventType;
import org.borderwatch.incident.GeoPrecision;
import org.borderwatch.incident.SubEventType;
import org.borderwatch.source.SourceKind;

/**
 * One dataset row as an incident, before it meets the database: what a format reader
 * makes of a row, in BorderWatch's terms. Actors are named by their key in the dataset's
 * actor namespace (a UCDP actor id, an ACLED actor name); the engine resolves them to
 * actors.
 */
record StagedIncident(long line, String externalId, String title, String description, LocalDate startDate,
		LocalDate endDate, DatePrecision datePrecision, EventType eventType, SubEventType subEventType,
		String placeName, String admin1, String admin2, String country, Double latitude, Double longitude,
		GeoPrecision geoPrecision, List<String> tags, List<Party> actors, List<Figure> figures, List<Cited> sources) {

	StagedIncident {
		if (endDate != null && endDate.isBefore(startDate)) {
			throw new RowRejectedException(null, "ends (" + endDate + ") before it starts (" + startDate + ")");
		}
		if ((latitude == null) != (longitude == null)) {
			throw new RowRejectedException((latitude == null) ? "latitude" : "longitude",
					"latitude and longitude come together or not at all");
		}
		if (!subEventType.belongsTo(eventType)) {
			throw new RowRejectedException(null, subEventType.label() + " is not a sub-type of " + eventType.label());
		}
	}

	/** The sum of the killed, as the incident's headline shows it. */
	int fatalities() {
		return this.figures.stream().filter((figure) -> figure.outcome().equals("KILLED")).mapToInt(Figure::best).sum();
	}

	/**
	 * An actor as the dataset codes it, and its part in the incident.
	 *
	 * @param key the actor's id in the dataset's actor namespace
	 */
	record Party(String key, String name, ActorKind kind, ActorRole role) {
	}

	/**
	 * A curated casualty figure; {@code sideKey} is the key of the party whose dead they
	 * are, or null.
	 */
	record Figure(CasualtyCategory category, String outcome, Integer low, int best, Integer high, String sideKey) {
	}

	/** A source the row cites; matched to a stored source on publisher and title. */
	record Cited(String publisher, String title, SourceKind kind, LocalDate publishedOn) {
	}

}
