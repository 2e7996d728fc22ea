package org.borderwatch.crossing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.borderwatch.common.InvalidInputException;

/**
 * The filters of the crossing list; empty lists and nulls mean "any". {@code statuses}
 * holds {@link CrossingStatus} names and {@code UNKNOWN} (no change at or before the
 * instant); {@code asOf} null means now.
 */
record CrossingFilter(List<String> countries, List<CrossingKind> kinds, List<String> statuses, List<TrafficKind> allows,
		String q, Instant asOf) {

	CrossingFilter {
		countries = (countries != null) ? countries : List.of();
		kinds = (kinds != null) ? kinds : List.of();
		statuses = (statuses != null) ? statuses : List.of();
		allows = (allows != null) ? allows : List.of();
	}

	/**
	 * Upper-cases and checks the values of the {@code status} filter; a 400 on
	 * {@code status} names a bad one.
	 */
	static List<String> parseStatuses(List<String> values) {
		if (values == null) {
			return List.of();
		}
		List<String> allowed = new ArrayList<>(Arrays.stream(CrossingStatus.values()).map(Enum::name).toList());
		allowed.add(StatusAtResponse.UNKNOWN);
		List<String> statuses = new ArrayList<>();
		for (String value : values) {
			String status = value.strip().toUpperCase(Locale.ROOT);
			if (!allowed.contains(status)) {
				throw InvalidInputException.forField("status",
						"'" + value + "' is not a valid value; expected one of " + allowed);
			}
			statuses.add(status);
		}
		return statuses;
	}

}
