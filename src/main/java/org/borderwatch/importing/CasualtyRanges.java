package org.borderwatch.importing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.borderwatch.incident.CasualtyCategory;

/**
 * Spreads an event's low and high death estimates over its figures by category.
 * <p>
 * Rule: UCDP gives deaths by side and category (their sum is {@code best}) and a range
 * {@code low..high} for the event as a whole only. Each category becomes a figure with
 * its own deaths as best estimate; the shortfall {@code best - low} is taken from the
 * largest figures first (never below 0), and the excess {@code high - best} goes to the
 * largest figure, so the figures add up to UCDP's low, best and high exactly. A low above
 * best or a high below it (UCDP files have a few) is not a range: that end is left out.
 * Deaths not attributed to any category ({@code best} above their sum) are an UNKNOWN
 * figure.
 */
final class CasualtyRanges {

	private CasualtyRanges() {
	}

	record Part(CasualtyCategory category, int deaths, String sideKey) {
	}

	static List<StagedIncident.Figure> spread(List<Part> parts, Integer low, int best, Integer high) {
		List<Part> all = new ArrayList<>(parts);
		int sum = all.stream().mapToInt(Part::deaths).sum();
		if (sum < best) {
			all.add(new Part(CasualtyCategory.UNKNOWN, best - sum, null));
			sum = best;
		}
		if (all.isEmpty()) {
			return List.of(new StagedIncident.Figure(CasualtyCategory.UNKNOWN, "KILLED", (low != null) ? 0 : null, 0,
					(high != null && high >= 0) ? high : null, null));
		}
		Integer usableLow = (low != null && low <= sum) ? low : null;
		Integer usableHigh = (high != null && high >= sum) ? high : null;
		List<Integer> order = new ArrayList<>();
		for (int i = 0; i < all.size(); i++) {
			order.add(i);
		}
		order.sort(Comparator.comparingInt((Integer i) -> all.get(i).deaths()).reversed());
		int[] lows = new int[all.size()];
		for (int i = 0; i < all.size(); i++) {
			lows[i] = all.get(i).deaths();
		}
		if (usableLow != null) {
			int shortfall = sum - usableLow;
			for (int i : order) {
				int take = Math.min(shortfall, lows[i]);
				lows[i] -= take;
				shortfall -= take;
			}
		}
		List<StagedIncident.Figure> figures = new ArrayList<>();
		for (int i = 0; i < all.size(); i++) {
			Part part = all.get(i);
			Integer figureHigh = null;
			if (usableHigh != null) {
				figureHigh = part.deaths() + ((i == order.get(0)) ? usableHigh - sum : 0);
			}
			figures.add(new StagedIncident.Figure(part.category(), "KILLED", (usableLow != null) ? lows[i] : null,
					part.deaths(), figureHigh, part.sideKey()));
		}
		return figures;
	}

}
