package org.borderwatch.incident;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.borderwatch.common.DatePrecision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.borderwatch.support.DomainRules.assertRefused;

/**
 * The rules of an incident, without a database: dates, taxonomy, place, actors, figures,
 * claims.
 */
class IncidentTest {

	private static final LocalDate OCT_12 = LocalDate.of(2025, 10, 12);

	private final UUID ttp = UUID.randomUUID();

	private final UUID pakistan = UUID.randomUUID();

	private final Incident clash = new Incident("Border clashes", OCT_12, DatePrecision.DAY, EventType.BATTLES,
			SubEventType.ARMED_CLASH);

	@Test
	void rejectsEndBeforeStart() {
		assertRefused("endDate", () -> this.clash.schedule(OCT_12, OCT_12.minusDays(1), DatePrecision.DAY));
	}

	@Test
	void oneDayIncidentEndsWhenItStarts() {
		this.clash.schedule(OCT_12, null, DatePrecision.DAY);

		assertThat(this.clash.getEndDate()).isEqualTo(OCT_12);
	}

	@Test
	void rejectsSubTypeOutsideItsType() {
		assertRefused("subEventType", () -> this.clash.classify(EventType.PROTESTS, SubEventType.AIR_DRONE_STRIKE));
	}

	@Test
	void rejectsHalfAPositionNamingTheMissingCoordinate() {
		assertRefused("location.longitude",
				() -> this.clash.locate(new IncidentLocation(null, null, null, "AFG", 34.1, null, null)));
		assertRefused("location.latitude",
				() -> this.clash.locate(new IncidentLocation(null, null, null, "AFG", null, 71.1, null)));
	}

	@Test
	void rejectsTheSameActorTwiceInTheSameRole() {
		List<Involvement> actors = List.of(new Involvement(this.ttp, ActorRole.INITIATOR),
				new Involvement(this.ttp, ActorRole.TARGET), new Involvement(this.ttp, ActorRole.INITIATOR));

		assertRefused("actors[2].actorId", () -> this.clash.involve(actors));
	}

	@Test
	void rejectsCasualtyRangesOutOfOrder() {
		assertRefused("casualties[0].low", () -> this.clash.recordCasualties(List.of(killed(30, 23, null, null))));
		assertRefused("casualties[0].high", () -> this.clash.recordCasualties(List.of(killed(null, 23, 20, null))));
	}

	@Test
	void headlineFiguresCountOnlyTheCuratedOnes() {
		this.clash.recordCasualties(List.of(killed(20, 23, 30, null), killed(null, 200, null, this.ttp)));

		assertThat(this.clash.getFatalities()).isEqualTo(23);
	}

	@Test
	void onlyAccusationsAndDenialsNameAnAccusedActor() {
		Claim claim = new Claim(this.ttp, ClaimStance.CLAIMS_RESPONSIBILITY, this.pakistan, OCT_12, null, null);

		assertRefused("claims[0].accusedActorId", () -> this.clash.recordClaims(List.of(claim)));
	}

	@Test
	void refusesAnActorAccusingItself() {
		Claim claim = new Claim(this.pakistan, ClaimStance.ACCUSES, this.pakistan, OCT_12, null, null);

		assertRefused("claims[0].accusedActorId", () -> this.clash.recordClaims(List.of(claim)));
	}

	private static CasualtyFigure killed(Integer low, int best, Integer high, UUID claimant) {
		return new CasualtyFigure(CasualtyCategory.SECURITY_FORCES, CasualtyOutcome.KILLED, low, best, high, null,
				claimant, null, null);
	}

}
