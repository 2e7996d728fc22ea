package org.borderwatch.stats;

import java.util.Arrays;
import java.util.stream.Collectors;

import org.borderwatch.common.InvalidInputException;

/** What splits each statistics bucket into series: nothing, or one incident attribute. */
enum StatsGroupBy {

	NONE("none"), TYPE("type"), SUB_TYPE("subType"), COUNTRY("country"), ADMIN1("admin1"), ACTOR("actor");

	private final String param;

	StatsGroupBy(String param) {
		this.param = param;
	}

	String param() {
		return this.param;
	}

	/**
	 * Reads the {@code groupBy} parameter (case-insensitive); absent means {@link #NONE}.
	 */
	static StatsGroupBy parse(String value) {
		if (value == null || value.isBlank()) {
			return NONE;
		}
		String wanted = value.strip();
		return Arrays.stream(values())
			.filter((groupBy) -> groupBy.param.equalsIgnoreCase(wanted))
			.findFirst()
			.orElseThrow(() -> InvalidInputException.forField("groupBy",
					"'" + value + "' is not a grouping; expected one of "
							+ Arrays.stream(values()).map(StatsGroupBy::param).collect(Collectors.joining(", "))));
	}

}
