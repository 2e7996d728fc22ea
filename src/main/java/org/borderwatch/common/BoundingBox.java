package org.borderwatch.common;

/**
 * A {@code bbox=minLon,minLat,maxLon,maxLat} filter (the GeoJSON order). Boxes that cross
 * the antimeridian are not supported: ask for the two halves instead.
 */
public record BoundingBox(double minLongitude, double minLatitude, double maxLongitude, double maxLatitude) {

	/**
	 * Parses {@code value}; a 400 on {@code param} says what is wrong. Null for an absent
	 * filter.
	 */
	public static BoundingBox parse(String param, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String[] parts = value.split(",", -1);
		if (parts.length != 4) {
			throw invalid(param, "expected four numbers minLon,minLat,maxLon,maxLat");
		}
		double[] numbers = new double[4];
		for (int i = 0; i < 4; i++) {
			try {
				numbers[i] = Double.parseDouble(parts[i].strip());
			}
			catch (NumberFormatException ex) {
				throw invalid(param, "'" + parts[i].strip() + "' is not a number");
			}
			if (!Double.isFinite(numbers[i])) {
				throw invalid(param, "'" + parts[i].strip() + "' is not a finite number");
			}
		}
		BoundingBox box = new BoundingBox(numbers[0], numbers[1], numbers[2], numbers[3]);
		if (box.minLongitude < -180 || box.maxLongitude > 180 || box.minLatitude < -90 || box.maxLatitude > 90) {
			throw invalid(param, "longitudes must lie within -180..180 and latitudes within -90..90");
		}
		if (box.minLongitude > box.maxLongitude || box.minLatitude > box.maxLatitude) {
			throw invalid(param,
					"the minimum must not exceed the maximum (boxes across the antimeridian are not supported)");
		}
		return box;
	}

	private static InvalidInputException invalid(String param, String message) {
		return InvalidInputException.forField(param, message);
	}

}
