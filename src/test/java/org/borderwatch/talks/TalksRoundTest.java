package org.borderwatch.talks;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.borderwatch.common.DatePrecision;
import org.borderwatch.common.MediatorRole;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.borderwatch.support.DomainRules.assertRefused;
import static org.borderwatch.talks.TalksRoundStatus.CANCELLED;
import static org.borderwatch.talks.TalksRoundStatus.COLLAPSED;
import static org.borderwatch.talks.TalksRoundStatus.CONCLUDED;
import static org.borderwatch.talks.TalksRoundStatus.ONGOING;
import static org.borderwatch.talks.TalksRoundStatus.SCHEDULED;
import static org.borderwatch.talks.TalksRoundStatus.SUSPENDED;

/**
 * The rules of a round of talks, without a database: numbering, dates, seating,
 * lifecycle.
 */
class TalksRoundTest {

	private static final LocalDate NOV_6 = LocalDate.of(2025, 11, 6);

	private final UUID negotiation = UUID.randomUUID();

	private final UUID pakistan = UUID.randomUUID();

	private final UUID afghanistan = UUID.randomUUID();

	private final UUID qatar = UUID.randomUUID();

	private TalksRound round(TalksRoundStatus status) {
		return new TalksRound(this.negotiation, 3, NOV_6, null, DatePrecision.DAY, status, null);
	}

	// --- numbering and dates

	@Test
	void refusesRoundNumberBelowOne() {
		assertRefused("roundNumber",
				() -> new TalksRound(this.negotiation, 0, NOV_6, null, DatePrecision.DAY, SCHEDULED, null));
		assertRefused("roundNumber", () -> round(SCHEDULED).number(this.negotiation, -2));
	}

	@Test
	void refusesRoundEndingBeforeItStarts() {
		TalksRound round = round(ONGOING);

		assertRefused("endDate", () -> round.schedule(NOV_6, NOV_6.minusDays(1), DatePrecision.DAY));
		assertThat(round.getEndDate()).isNull();
	}

	@Test
	void acceptsRoundEndingOnItsStartDay() {
		TalksRound round = round(ONGOING);
		round.schedule(NOV_6, NOV_6, DatePrecision.DAY);

		assertThat(round.getEndDate()).isEqualTo(NOV_6);
	}

	// --- delegations and mediators

	@Test
	void refusesSecondDelegationOfTheSameParty() {
		List<TalksDelegation> delegations = List.of(delegation(this.pakistan, null),
				delegation(this.pakistan, UUID.randomUUID()));

		assertRefused("delegations[1].partyId", () -> round(ONGOING).seat(delegations, List.of()));
	}

	@Test
	void refusesHeadAlsoListedAmongMembers() {
		UUID head = UUID.randomUUID();
		TalksDelegation delegation = new TalksDelegation(this.pakistan, head, List.of(UUID.randomUUID(), head), null);

		assertRefused("delegations[0].memberIds[1]", () -> round(ONGOING).seat(List.of(delegation), List.of()));
	}

	@Test
	void refusesMemberListedTwice() {
		UUID member = UUID.randomUUID();
		TalksDelegation delegation = new TalksDelegation(this.pakistan, null, List.of(member, member), null);

		assertRefused("delegations[0].memberIds[1]", () -> round(ONGOING).seat(List.of(delegation), List.of()));
	}

	@Test
	void refusesMediatorWhoIsAParty() {
		List<TalksDelegation> delegations = List.of(delegation(this.pakistan, null),
				delegation(this.afghanistan, null));
		List<Mediator> mediators = List.of(new Mediator(this.qatar, MediatorRole.MEDIATOR),
				new Mediator(this.afghanistan, MediatorRole.HOST));

		assertRefused("mediators[1].actorId", () -> round(ONGOING).seat(delegations, mediators));
	}

	@Test
	void refusesTheSameMediatorTwiceInOneRoleButAllowsTwoRoles() {
		Mediator mediates = new Mediator(this.qatar, MediatorRole.MEDIATOR);
		Mediator hosts = new Mediator(this.qatar, MediatorRole.HOST);
		TalksRound round = round(ONGOING);

		assertRefused("mediators[1].role", () -> round.seat(List.of(), List.of(mediates, mediates)));
		round.seat(List.of(), List.of(mediates, hosts));
		assertThat(round.getMediators()).containsExactly(mediates, hosts);
	}

	private static TalksDelegation delegation(UUID party, UUID head) {
		return new TalksDelegation(party, head, List.of(), null);
	}

	// --- lifecycle

	@ParameterizedTest
	@EnumSource(TalksRoundStatus.class)
	void mayBeRecordedInAnyStatus(TalksRoundStatus status) {
		assertThat(round(status).getStatus()).isEqualTo(status);
	}

	@Test
	void isHeldSuspendedResumedAndConcluded() {
		TalksRound round = round(SCHEDULED);

		round.hold();
		assertThat(round.getStatus()).isEqualTo(ONGOING);
		round.suspend("Adjourned for consultations in the capitals");
		assertThat(round.getStatus()).isEqualTo(SUSPENDED);
		assertThat(round.getOutcome()).isEqualTo("Adjourned for consultations in the capitals");
		round.hold();
		assertThat(round.getStatus()).isEqualTo(ONGOING);
		assertThat(round.getOutcome()).as("a resumed round is being held again").isNull();
		round.conclude("Agreed to meet again");
		assertThat(round.getStatus()).isEqualTo(CONCLUDED);
		assertThat(round.getOutcome()).isEqualTo("Agreed to meet again");
	}

	@Test
	void scheduledRoundHeardOfOnlyWhenItEndedMayConcludeOrCollapseDirectly() {
		TalksRound concluded = round(SCHEDULED);
		concluded.conclude(null);
		TalksRound collapsed = round(SCHEDULED);
		collapsed.collapse("Talks ended without agreement");

		assertThat(concluded.getStatus()).isEqualTo(CONCLUDED);
		assertThat(concluded.getOutcome()).isNull();
		assertThat(collapsed.getStatus()).isEqualTo(COLLAPSED);
	}

	@Test
	void heldOrSuspendedRoundMayCollapse() {
		TalksRound held = round(ONGOING);
		held.collapse("Walked out");
		TalksRound suspended = round(SUSPENDED);
		suspended.collapse(null);

		assertThat(held.getStatus()).isEqualTo(COLLAPSED);
		assertThat(suspended.getStatus()).isEqualTo(COLLAPSED);
	}

	@Test
	void scheduledRoundMayBeCancelled() {
		TalksRound round = round(SCHEDULED);
		round.cancel();

		assertThat(round.getStatus()).isEqualTo(CANCELLED);
	}

	@Test
	void refusesCancellingARoundThatMet() {
		assertRefused(409, "status", () -> round(ONGOING).cancel());
		assertRefused(409, "status", () -> round(SUSPENDED).cancel());
		assertRefused(409, "status", () -> round(CONCLUDED).cancel());
	}

	@Test
	void refusesSuspendingARoundThatHasNotMet() {
		assertRefused(409, "status", () -> round(SCHEDULED).suspend(null));
	}

	@ParameterizedTest
	@EnumSource(value = TalksRoundStatus.class, names = { "CONCLUDED", "COLLAPSED", "CANCELLED" })
	void finalStatusesRefuseEveryMove(TalksRoundStatus end) {
		assertRefused(409, "status", () -> round(end).hold());
		assertRefused(409, "status", () -> round(end).suspend(null));
		assertRefused(409, "status", () -> round(end).conclude(null));
		assertRefused(409, "status", () -> round(end).collapse(null));
		assertRefused(409, "status", () -> round(end).cancel());
		for (TalksRoundStatus other : TalksRoundStatus.values()) {
			if (other != end) {
				assertRefused(409, "status", () -> round(end).moveTo(other, null));
			}
		}
	}

	@Test
	void refusesGoingBackToScheduledOnceMet() {
		assertRefused(409, "status", () -> round(ONGOING).moveTo(SCHEDULED, null));
		assertRefused(409, "status", () -> round(SUSPENDED).moveTo(SCHEDULED, null));
	}

	@ParameterizedTest
	@EnumSource(value = TalksRoundStatus.class, names = { "SCHEDULED", "ONGOING", "CANCELLED" })
	void refusesAnOutcomeWhereTheStatusTakesNone(TalksRoundStatus status) {
		assertRefused("outcome",
				() -> new TalksRound(this.negotiation, 1, NOV_6, null, DatePrecision.DAY, status, "Agreed"));
		assertRefused("outcome", () -> round(status).recordOutcome("Agreed"));
	}

	@Test
	void refusesResumingWhileKeepingTheSuspensionsOutcome() {
		TalksRound round = round(SUSPENDED);
		round.recordOutcome("Adjourned");

		assertRefused("outcome", () -> round.moveTo(ONGOING, "Adjourned"));
		assertThat(round.getStatus()).isEqualTo(SUSPENDED);
		round.moveTo(ONGOING, null);
		assertThat(round.getStatus()).isEqualTo(ONGOING);
	}

	@Test
	void moveToTheSameStatusOnlyRewordsTheOutcome() {
		TalksRound round = round(CONCLUDED);

		round.moveTo(CONCLUDED, "Agreed to meet again in Istanbul");

		assertThat(round.getStatus()).isEqualTo(CONCLUDED);
		assertThat(round.getOutcome()).isEqualTo("Agreed to meet again in Istanbul");
	}

	@Test
	void moveToTakesEveryTransitionTheLifecycleAllows() {
		for (TalksRoundStatus from : TalksRoundStatus.values()) {
			for (TalksRoundStatus to : from.next()) {
				TalksRound round = round(from);
				String outcome = to.takesOutcome() ? "Outcome" : null;
				assertThatNoException().as(from + " -> " + to).isThrownBy(() -> round.moveTo(to, outcome));
				assertThat(round.getStatus()).isEqualTo(to);
				assertThat(round.getOutcome()).isEqualTo(outcome);
			}
		}
	}

}
