package org.borderwatch.crossing;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.borderwatch.common.DatePrecision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.borderwatch.support.DomainRules.assertRefused;

/** The rules of a crossing and its status changes, without a database. */
class CrossingStatusChangeTest {

	private static final Instant OCT_12 = Instant.parse("2025-10-12T06:00:00Z");

	private final UUID torkham = UUID.randomUUID();

	@Test
	void refusesAClosedCrossingThatLetsTrafficThrough() {
		assertRefused("allowedTraffic", () -> new CrossingStatusChange(this.torkham, OCT_12, DatePrecision.DAY,
				CrossingStatus.CLOSED, List.of(TrafficKind.REFUGEES_RETURNING)));
	}

	@ParameterizedTest
	@EnumSource(value = CrossingStatus.class, names = { "OPEN", "PARTIALLY_OPEN" })
	void refusesAnOpenOrPartiallyOpenCrossingThatLetsNothingThrough(CrossingStatus status) {
		assertRefused("allowedTraffic",
				() -> new CrossingStatusChange(this.torkham, OCT_12, DatePrecision.DAY, status, List.of()));
	}

	@Test
	void aRefusedDeclarationLeavesTheChangeAsItWas() {
		CrossingStatusChange change = new CrossingStatusChange(this.torkham, OCT_12, DatePrecision.DAY,
				CrossingStatus.CLOSED, List.of());

		assertRefused("allowedTraffic", () -> change.declare(CrossingStatus.CLOSED, List.of(TrafficKind.TRADE)));

		assertThat(change.getStatus()).isEqualTo(CrossingStatus.CLOSED);
		assertThat(change.getAllowedTraffic()).isEmpty();
	}

	@Test
	void storesTrafficOnceEachInEnumOrder() {
		CrossingStatusChange change = new CrossingStatusChange(this.torkham, OCT_12, DatePrecision.DAY,
				CrossingStatus.PARTIALLY_OPEN,
				List.of(TrafficKind.REFUGEES_RETURNING, TrafficKind.TRADE, TrafficKind.REFUGEES_RETURNING));

		assertThat(change.getAllowedTraffic()).containsExactly(TrafficKind.TRADE, TrafficKind.REFUGEES_RETURNING);
	}

	@Test
	void keepsTheInstantToTheMicrosecondAsTheDatabaseDoes() {
		CrossingStatusChange change = new CrossingStatusChange(this.torkham, OCT_12.plusNanos(1_234_567),
				DatePrecision.DAY, CrossingStatus.CLOSED, List.of());

		assertThat(change.getEffectiveFrom()).isEqualTo(OCT_12.plusNanos(1_234_000));
	}

	@Test
	void rejectsTheSameCountryOnBothSidesNamingCountryB() {
		assertRefused("countryB", () -> new BorderCrossing("Torkham", "PAK", "PAK", CrossingKind.ROAD));
	}

	@Test
	void rejectsHalfAPositionNamingTheMissingCoordinate() {
		BorderCrossing crossing = new BorderCrossing("Torkham", "AFG", "PAK", CrossingKind.ROAD);

		assertRefused("longitude", () -> crossing.locate(34.1, null));
		assertRefused("latitude", () -> crossing.locate(null, 71.1));
		crossing.locate(null, null);
		assertThat(crossing.getLatitude()).isNull();
	}

}
