package org.borderwatch.common;

import java.util.Map;

/**
 * A {@code near=LAT,LON,KM} filter: records within {@code km} kilometres (great-circle
 * distance) of a point. Records without coordinates never match.
 *
 * @param latitude the centre's latitude, -90..90
 * @param longitude the centre's longitude, -180..180
 * @param km the radius, more than 0 and at most {@value #MAX_KM}
 */
public record Near(double latitude, double longitude, double km) {

	/** The largest radius: half the Earth's circumference reaches every point. */
	public static final double MAX_KM = 20_000;

	private static final double KM_PER_DEGREE = 111.195;

	private static final double EARTH_RADIUS_KM = 6371.0088;

	/**
	 * Parses {@code value}; a 400 on {@code param} says what is wrong. Null for an absent
	 * filter.
	 */
	public static Near parse(String param, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String[] parts = value.split(",", -1);
		if (parts.length != 3) {
			throw InvalidInputException.forField(param, "expected three numbers LAT,LON,KM, such as 34.19,71.07,50");
		}
		double[] numbers = new double[3];
		for (int i = 0; i < 3; i++) {
			try {
				numbers[i] = Double.parseDouble(parts[i].strip());
			}
			catch (NumberFormatException ex) {
				throw InvalidInputException.forField(param,
						"'" + parts[i].strip() + "' is not a number; expected LAT,LON,KM");
			}
			if (!Double.isFinite(numbers[i])) {
				throw InvalidInputException.forField(param, "'" + parts[i].strip() + "' is not a finite number");
			}
		}
		if (numbers[0] < -90 || numbers[0] > 90) {
			throw InvalidInputException.forField(param, "the latitude must lie within -90..90");
		}
		if (numbers[1] < -180 || numbers[1] > 180) {
			throw InvalidInputException.forField(param, "the longitude must lie within -180..180");
		}
		if (numbers[2] <= 0 || numbers[2] > MAX_KM) {
			throw InvalidInputException.forField(param,
					"the radius in km must be more than 0 and at most " + (int) MAX_KM);
		}
		return new Near(numbers[0], numbers[1], numbers[2]);
	}

	/** A condition and its named parameters. */
	public record Condition(String sql, Map<String, Object> params) {
	}

	/**
	 * Adds {@link #condition} over the given coordinate columns to {@code where}.
	 */
	public SqlFilter addTo(SqlFilter where, String latitudeColumn, String longitudeColumn, String prefix) {
		Condition condition = condition(latitudeColumn, longitudeColumn, prefix);
		return where.and(condition.sql(), condition.params());
	}

	/**
	 * The condition over the given coordinate columns, its parameters named with
	 * {@code prefix}: a bounding box first (so that an index on the coordinates can
	 * answer), then the exact haversine distance.
	 */
	public Condition condition(String latitudeColumn, String longitudeColumn, String prefix) {
		double dLat = this.km / KM_PER_DEGREE;
		double cos = Math.cos(Math.toRadians(this.latitude));
		double dLon = (cos < 0.01 || this.km / (KM_PER_DEGREE * cos) >= 180) ? 360 : this.km / (KM_PER_DEGREE * cos);
		String condition = """
				%1$s between :%3$sMinLat and :%3$sMaxLat
				  and %2$s between :%3$sMinLon and :%3$sMaxLon
				  and 2 * %4$s * asin(least(1, sqrt(power(sin(radians(%1$s - :%3$sLat) / 2), 2)
				      + cos(radians(:%3$sLat)) * cos(radians(%1$s))
				        * power(sin(radians(%2$s - :%3$sLon) / 2), 2)))) <= :%3$sKm""".formatted(latitudeColumn,
				longitudeColumn, prefix, EARTH_RADIUS_KM);
		// a circle across the antimeridian or over a pole: the box keeps every longitude,
		// the
		// distance decides
		boolean wraps = this.longitude - dLon < -180 || this.longitude + dLon > 180 || this.latitude + dLat >= 90
				|| this.latitude - dLat <= -90;
		return new Condition(condition,
				Map.of(prefix + "Lat", this.latitude, prefix + "Lon", this.longitude, prefix + "Km", this.km,
						prefix + "MinLat", Math.max(-90, this.latitude - dLat), prefix + "MaxLat",
						Math.min(90, this.latitude + dLat), prefix + "MinLon", wraps ? -180.0 : this.longitude - dLon,
						prefix + "MaxLon", wraps ? 180.0 : this.longitude + dLon));
	}

}
