package org.borderwatch.incident;

import java.util.Collection;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Casualty figures added up: the sums of their low ends, best estimates and high ends. A
 * figure given without a range counts its best estimate at both ends, so a total's range
 * is never narrower than its parts.
 */
@Schema(name = "CasualtyTotal", description = "Sums of low, best and high estimates")
public record CasualtyTotal(@Schema(example = "10") int low, @Schema(example = "24") int best,
		@Schema(example = "50") int high) {

	static CasualtyTotal of(Collection<CasualtyFigure> figures) {
		int low = 0;
		int best = 0;
		int high = 0;
		for (CasualtyFigure figure : figures) {
			low += (figure.low() != null) ? figure.low() : figure.best();
			best += figure.best();
			high += (figure.high() != null) ? figure.high() : figure.best();
		}
		return new CasualtyTotal(low, best, high);
	}

}
