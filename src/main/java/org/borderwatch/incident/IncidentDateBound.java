package org.borderwatch.incident;

import java.time.LocalDate;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.borderwatch.common.DatePrecision;

/**
 * A bound a report puts on an imprecise date ("began after the explosions in Kabul on 9
 * October", "stopped after the ceasefire of 19 October"): the date, how precisely that
 * date is known, and why it bounds the incident.
 */
@Schema(name = "IncidentDateBound", description = "A bound on when an incident began or ended, and why")
public record IncidentDateBound(@Schema(example = "2025-10-09") @NotNull LocalDate date,
		@Schema(example = "DAY",
				description = "How precisely the bound's date is known; DAY when left out") DatePrecision precision,
		@Schema(example = "Began after the explosions in Kabul on 9 October") @Size(max = 2000) String note) {

	public IncidentDateBound {
		precision = (precision != null) ? precision : DatePrecision.DAY;
	}

}
