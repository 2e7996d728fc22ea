package org.borderwatch.actor;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.borderwatch.support.DomainRules.assertRefused;

/** The rules of an actor, without a database: parent, designations, relations. */
class ActorTest {

	private static final LocalDate SINCE = LocalDate.of(2010, 7, 29);

	private final Actor ttp = new Actor("Tehrik-e-Taliban Pakistan", ActorKind.NON_STATE_ARMED_GROUP);

	@Test
	void refusesBeingItsOwnParent() {
		assertRefused("parentId", () -> this.ttp.placeUnder(this.ttp.getId()));
	}

	@Test
	void refusesDesignationEndingBeforeItStarts() {
		Designation listed = new Designation(UUID.randomUUID(), "Terrorist organization", SINCE, null, null);
		Designation backwards = new Designation(UUID.randomUUID(), "Terrorist organization", SINCE, SINCE.minusDays(1),
				null);

		assertRefused("designations[1].until", () -> this.ttp.designate(List.of(listed, backwards)));
		assertThat(this.ttp.getDesignations()).isEmpty();
	}

	@Test
	void refusesRelationToItself() {
		ActorRelation self = new ActorRelation(RelationKind.ALLIED_WITH, this.ttp.getId(), null, null);

		assertRefused("relations[0].actorId", () -> this.ttp.relate(List.of(self)));
	}

	@Test
	void refusesRelationEndingBeforeItStarts() {
		ActorRelation backwards = new ActorRelation(RelationKind.SPLINTER_OF, UUID.randomUUID(), SINCE,
				SINCE.minusYears(1));

		assertRefused("relations[0].until", () -> this.ttp.relate(List.of(backwards)));
	}

	@Test
	void keepsAliasesStrippedAndOnce() {
		this.ttp.describe(ActorKind.NON_STATE_ARMED_GROUP, "PAK", null, null,
				List.of(" TTP", "Pakistani Taliban", "TTP "));

		assertThat(this.ttp.getAliases()).containsExactly("TTP", "Pakistani Taliban");
	}

}
