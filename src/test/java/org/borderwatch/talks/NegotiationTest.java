package org.borderwatch.talks;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.borderwatch.common.MediatorRole;

import static org.assertj.core.api.Assertions.assertThat;
import static org.borderwatch.support.DomainRules.assertRefused;

/** The rules of a negotiation, without a database: who negotiates and who mediates. */
class NegotiationTest {

	private final UUID pakistan = UUID.randomUUID();

	private final UUID afghanistan = UUID.randomUUID();

	private final UUID turkey = UUID.randomUUID();

	private final Negotiation talks = new Negotiation("Pakistan-Afghanistan talks 2025");

	@Test
	void refusesMediatorWhoIsAParty() {
		List<Mediator> mediators = List.of(new Mediator(this.turkey, MediatorRole.HOST),
				new Mediator(this.pakistan, MediatorRole.MEDIATOR));

		assertRefused("mediators[1].actorId",
				() -> this.talks.involve(Set.of(this.pakistan, this.afghanistan), mediators));
	}

	@Test
	void refusesTheSameMediatorTwiceInOneRole() {
		Mediator hosts = new Mediator(this.turkey, MediatorRole.HOST);

		assertRefused("mediators[1].role", () -> this.talks.involve(Set.of(this.pakistan), List.of(hosts, hosts)));
	}

	@Test
	void oneActorMayBothMediateAndHost() {
		List<Mediator> mediators = List.of(new Mediator(this.turkey, MediatorRole.MEDIATOR),
				new Mediator(this.turkey, MediatorRole.HOST));

		this.talks.involve(Set.of(this.pakistan, this.afghanistan), mediators);

		assertThat(this.talks.getMediators()).isEqualTo(mediators);
	}

}
