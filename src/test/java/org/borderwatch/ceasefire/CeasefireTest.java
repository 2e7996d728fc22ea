package org.borderwatch.ceasefire;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.borderwatch.common.DatePrecision;
import org.borderwatch.common.MediatorRole;

import static org.assertj.core.api.Assertions.assertThat;
import static org.borderwatch.ceasefire.CeasefireArrangement.BILATERAL;
import static org.borderwatch.ceasefire.CeasefireArrangement.MULTILATERAL;
import static org.borderwatch.ceasefire.CeasefireArrangement.UNILATERAL;
import static org.borderwatch.ceasefire.CeasefireStatus.IN_EFFECT;
import static org.borderwatch.ceasefire.CeasefireStatus.PROPOSED;
import static org.borderwatch.ceasefire.CeasefireStatus.TERMINATED;
import static org.borderwatch.support.DomainRules.assertRefused;

/**
 * The rules of a ceasefire, without a database: parties, mediators, dates and status, its
 * end.
 */
class CeasefireTest {

	private static final LocalDate OCT_19 = LocalDate.of(2025, 10, 19);

	private final UUID pakistan = UUID.randomUUID();

	private final UUID afghanistan = UUID.randomUUID();

	private final UUID qatar = UUID.randomUUID();

	private Ceasefire doha() {
		return new Ceasefire("Doha ceasefire", BILATERAL, List.of(this.pakistan, this.afghanistan),
				CeasefireForm.VERBAL);
	}

	private Ceasefire inEffectSince(LocalDate date) {
		Ceasefire ceasefire = doha();
		ceasefire.recordLifecycle(date, date, DatePrecision.DAY, IN_EFFECT, null, null, null);
		return ceasefire;
	}

	// --- parties and mediators

	@Test
	void newCeasefireIsADayPreciseProposal() {
		Ceasefire ceasefire = doha();

		assertThat(ceasefire.getStatus()).isEqualTo(PROPOSED);
		assertThat(ceasefire.getDatePrecision()).isEqualTo(DatePrecision.DAY);
		assertThat(ceasefire.getPartyIds()).containsExactlyInAnyOrder(this.pakistan, this.afghanistan);
	}

	@Test
	void requiresExactlyOnePartyForAUnilateralCeasefire() {
		assertRefused("partyIds", () -> doha().engage(UNILATERAL, List.of(this.pakistan, this.afghanistan), List.of()));
		assertRefused("partyIds", () -> doha().engage(UNILATERAL, List.of(), List.of()));
	}

	@Test
	void requiresExactlyTwoPartiesForABilateralCeasefire() {
		assertRefused("partyIds", () -> doha().engage(BILATERAL, List.of(this.pakistan), List.of()));
		assertRefused("partyIds",
				() -> doha().engage(BILATERAL, List.of(this.pakistan, this.afghanistan, this.qatar), List.of()));
	}

	@Test
	void requiresAtLeastTwoPartiesForAMultilateralCeasefire() {
		Ceasefire ceasefire = doha();

		assertRefused("partyIds", () -> ceasefire.engage(MULTILATERAL, List.of(this.pakistan), List.of()));
		ceasefire.engage(MULTILATERAL, List.of(this.pakistan, this.afghanistan, this.qatar), List.of());
		assertThat(ceasefire.getPartyIds()).hasSize(3);
	}

	@Test
	void refusesTheSamePartyTwice() {
		assertRefused("partyIds[1]", () -> doha().engage(BILATERAL, List.of(this.pakistan, this.pakistan), List.of()));
	}

	@Test
	void refusesAPartyThatAlsoMediates() {
		List<CeasefireMediator> mediators = List.of(new CeasefireMediator(this.qatar, MediatorRole.MEDIATOR),
				new CeasefireMediator(this.pakistan, MediatorRole.GUARANTOR));

		assertRefused("mediators[1].actorId",
				() -> doha().engage(BILATERAL, List.of(this.pakistan, this.afghanistan), mediators));
	}

	@Test
	void refusesTheSameMediatorTwiceInOneRole() {
		CeasefireMediator qatar = new CeasefireMediator(this.qatar, MediatorRole.MEDIATOR);

		assertRefused("mediators[1]",
				() -> doha().engage(BILATERAL, List.of(this.pakistan, this.afghanistan), List.of(qatar, qatar)));
	}

	// --- dates and status as recorded

	@Test
	void rejectsCeasefireTakingEffectBeforeItWasAgreed() {
		assertRefused("effectiveFrom", () -> doha().recordLifecycle(OCT_19, OCT_19.minusDays(1), DatePrecision.DAY,
				IN_EFFECT, null, null, null));
	}

	@Test
	void requiresTheEffectiveDateOfACeasefireInEffect() {
		assertRefused("effectiveFrom",
				() -> doha().recordLifecycle(OCT_19, null, DatePrecision.DAY, IN_EFFECT, null, null, null));
	}

	@ParameterizedTest
	@EnumSource(value = CeasefireStatus.class, names = { "PROPOSED", "IN_EFFECT" })
	void aCeasefireThatHasNotEndedHasNoEnd(CeasefireStatus status) {
		assertRefused("endedOn",
				() -> doha().recordLifecycle(OCT_19, OCT_19, DatePrecision.DAY, status, OCT_19, null, null));
		assertRefused("endedById",
				() -> doha().recordLifecycle(OCT_19, OCT_19, DatePrecision.DAY, status, null, this.pakistan, null));
		assertRefused("endReason",
				() -> doha().recordLifecycle(OCT_19, OCT_19, DatePrecision.DAY, status, null, null, "Violations"));
	}

	@ParameterizedTest
	@EnumSource(value = CeasefireStatus.class, names = { "COLLAPSED", "EXPIRED", "TERMINATED" })
	void requiresTheEndDateOfAnEndedCeasefire(CeasefireStatus status) {
		assertRefused("endedOn",
				() -> doha().recordLifecycle(OCT_19, OCT_19, DatePrecision.DAY, status, null, null, null));
	}

	@Test
	void rejectsCeasefireRecordedAsEndingBeforeItStarts() {
		assertRefused("endedOn", () -> doha().recordLifecycle(null, OCT_19, DatePrecision.DAY, TERMINATED,
				OCT_19.minusDays(1), null, null));
	}

	@Test
	void rejectsCeasefireEndingBeforeItWasAgreed() {
		assertRefused("endedOn", () -> doha().recordLifecycle(OCT_19, null, DatePrecision.DAY, TERMINATED,
				OCT_19.minusDays(1), null, null));
	}

	@Test
	void recordsAnEndedCeasefireDirectlyAsHistory() {
		Ceasefire ceasefire = doha();
		LocalDate year = LocalDate.of(2022, 1, 1);

		ceasefire.recordLifecycle(year, year, DatePrecision.YEAR, TERMINATED, year, this.pakistan,
				"Ended unilaterally");

		assertThat(ceasefire.getStatus()).isEqualTo(TERMINATED);
		assertThat(ceasefire.getEndedOn()).isEqualTo(year);
		assertThat(ceasefire.getEndReason()).isEqualTo("Ended unilaterally");
	}

	@Test
	void aRefusedLifecycleLeavesTheCeasefireAsItWas() {
		Ceasefire ceasefire = inEffectSince(OCT_19);

		assertRefused("endedOn", () -> ceasefire.recordLifecycle(OCT_19, OCT_19, DatePrecision.DAY, TERMINATED,
				OCT_19.minusDays(3), null, null));

		assertThat(ceasefire.getStatus()).isEqualTo(IN_EFFECT);
		assertThat(ceasefire.getEndedOn()).isNull();
	}

	// --- the end transition

	@Test
	void endsACeasefireInEffect() {
		Ceasefire ceasefire = inEffectSince(OCT_19);

		ceasefire.end(OCT_19.plusDays(30), CeasefireStatus.COLLAPSED, this.afghanistan, "Border clashes resumed");

		assertThat(ceasefire.getStatus()).isEqualTo(CeasefireStatus.COLLAPSED);
		assertThat(ceasefire.getEndedOn()).isEqualTo(OCT_19.plusDays(30));
		assertThat(ceasefire.getEndedById()).isEqualTo(this.afghanistan);
		assertThat(ceasefire.getEndReason()).isEqualTo("Border clashes resumed");
	}

	@Test
	void endsACeasefireOnTheDayItTookEffect() {
		Ceasefire ceasefire = inEffectSince(OCT_19);

		ceasefire.end(OCT_19, CeasefireStatus.EXPIRED, null, null);

		assertThat(ceasefire.getEndedOn()).isEqualTo(OCT_19);
	}

	@Test
	void refusesEndingACeasefireThatIsNotInEffect() {
		Ceasefire ended = inEffectSince(OCT_19);
		ended.end(OCT_19.plusDays(1), TERMINATED, null, null);

		assertRefused(409, "status", () -> doha().end(OCT_19, TERMINATED, null, null));
		assertRefused(409, "status", () -> ended.end(OCT_19.plusDays(2), TERMINATED, null, null));
		assertThat(ended.getEndedOn()).isEqualTo(OCT_19.plusDays(1));
	}

	@ParameterizedTest
	@EnumSource(value = CeasefireStatus.class, names = { "PROPOSED", "IN_EFFECT" })
	void refusesAnEndStatusThatDoesNotEndTheCeasefire(CeasefireStatus status) {
		assertRefused("status", () -> inEffectSince(OCT_19).end(OCT_19.plusDays(1), status, null, null));
	}

	@Test
	void rejectsCeasefireEndingBeforeItStarts() {
		Ceasefire ceasefire = inEffectSince(OCT_19);

		assertRefused("date", () -> ceasefire.end(OCT_19.minusDays(1), TERMINATED, null, null));
		assertThat(ceasefire.getStatus()).isEqualTo(IN_EFFECT);
	}

	@Test
	void rejectsEndBeforeTheAgreementOfACeasefireInEffect() {
		Ceasefire ceasefire = doha();
		ceasefire.recordLifecycle(OCT_19, OCT_19.plusDays(5), DatePrecision.DAY, IN_EFFECT, null, null, null);

		assertRefused("date", () -> ceasefire.end(OCT_19.plusDays(2), TERMINATED, null, null));
	}

}
