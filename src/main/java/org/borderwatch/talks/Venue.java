package org.borderwatch.talks;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** Where a round meets. Both parts are optional: a report may name only the country. */
@Embeddable
record Venue(@Column(name = "venue_city") String city, @Column(name = "venue_country") String country) {

	/** Null when neither part is known, so a round without a venue stores two nulls. */
	static Venue of(String city, String country) {
		return (city == null && country == null) ? null : new Venue(city, country);
	}

}
