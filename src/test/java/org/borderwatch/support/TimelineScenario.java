package org.borderwatch.support;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The October–November 2025 Pakistan–Afghanistan scenario (and the 2022 TTP ceasefire),
 * as the timeline tests use it. The clashes are dated to October and bounded by the
 * explosions in Kabul, in both countries. Dates the report leaves open are fixed here:
 * the two crossings reopen for returning refugees on 2025-11-01; a mortar attack near
 * Torkham on 2025-10-20 is alleged to break the Doha ceasefire.
 */
public final class TimelineScenario {

	public static final LocalDate KABUL_EXPLOSIONS = LocalDate.parse("2025-10-09");

	public static final LocalDate CLOSURES = LocalDate.parse("2025-10-12");

	public static final LocalDate CEASEFIRE = LocalDate.parse("2025-10-19");

	public static final LocalDate REOPENING = LocalDate.parse("2025-11-01");

	public static final LocalDate ISTANBUL = LocalDate.parse("2025-11-06");

	public final TimelineFixtures fixture;

	public final UUID pakistan;

	public final UUID afghanistan;

	public final UUID taliban;

	public final UUID islamabad;

	public final UUID military;

	public final UUID ttp;

	public final UUID qatar;

	public final UUID turkey;

	public final UUID wasiq;

	public final UUID malik;

	public final UUID clashes;

	public final UUID kabul;

	public final UUID convoyAttack;

	public final UUID mortar;

	public final UUID bannu;

	public final UUID torkham;

	public final UUID chaman;

	public final UUID ghulamKhan;

	public final UUID torkhamClosed;

	public final UUID chamanClosed;

	public final UUID ghulamKhanClosed;

	public final UUID torkhamReopened;

	public final UUID chamanReopened;

	public final UUID doha;

	public final UUID truce2022;

	public final UUID negotiation;

	public final UUID round3;

	public TimelineScenario(TimelineFixtures fixture) {
		this.fixture = fixture;
		this.pakistan = fixture.actor("Pakistan", "STATE", "PAK");
		this.afghanistan = fixture.actor("Afghanistan", "STATE", "AFG");
		this.taliban = fixture.actor("Taliban government", "GOVERNMENT", "AFG");
		this.islamabad = fixture.actor("Government of Pakistan", "GOVERNMENT", "PAK");
		this.military = fixture.actor("Pakistan military", "STATE_FORCES", "PAK");
		this.ttp = fixture.actor("Tehrik-e-Taliban Pakistan", "NON_STATE_ARMED_GROUP", "PAK");
		this.qatar = fixture.actor("Qatar", "STATE", "QAT");
		this.turkey = fixture.actor("Turkey", "STATE", "TUR");
		this.wasiq = fixture.actor("Abdul Haq Wasiq", "PERSON", "AFG");
		this.malik = fixture.actor("Asim Malik", "PERSON", "PAK");

		// October (MONTH), in both countries, begun after the explosions in Kabul
		this.clashes = fixture.incident("Deadly border clashes", LocalDate.parse("2025-10-01"))
			.until(LocalDate.parse("2025-10-31"), "MONTH")
			.startedOnOrAfter(KABUL_EXPLOSIONS)
			.at("Afghanistan-Pakistan border", null, null, null)
			.alsoIn("PAK", "AFG")
			.casualties(40, 200)
			.actor(this.military, "PARTICIPANT")
			.actor(this.taliban, "PARTICIPANT")
			.create();
		this.kabul = fixture.incident("Explosions in Kabul; Taliban \"vow retaliation\"", KABUL_EXPLOSIONS)
			.type("EXPLOSIONS_REMOTE_VIOLENCE", "AIR_DRONE_STRIKE")
			.at("Kabul", "AFG", 34.5553, 69.2075)
			.claim(this.taliban, "ACCUSES", this.pakistan)
			.create();
		this.convoyAttack = fixture.incident("Attack on a trade convoy near Torkham", LocalDate.parse("2025-10-11"))
			.type("VIOLENCE_AGAINST_CIVILIANS", "ATTACK")
			.at("Landi Kotal", "PAK", 34.10, 71.14)
			.casualties(2, 5)
			.create();
		this.mortar = fixture.incident("Mortar fire near Torkham", LocalDate.parse("2025-10-20"))
			.type("EXPLOSIONS_REMOTE_VIOLENCE", "SHELLING_ARTILLERY_MISSILE_ATTACK")
			.at("Torkham", "PAK", 34.12, 71.05)
			.casualties(1, 3)
			.actor(this.military, "TARGET")
			.claim(this.islamabad, "ACCUSES", this.taliban)
			.create();
		this.bannu = fixture.incident("Militant attack in Bannu", LocalDate.parse("2025-10-25"))
			.type("VIOLENCE_AGAINST_CIVILIANS", "ATTACK")
			.at("Bannu", "PAK", 32.99, 70.60)
			.casualties(5, 12)
			.claim(this.ttp, "CLAIMS_RESPONSIBILITY", null)
			.claim(this.taliban, "DENIES", null)
			.create();

		this.torkham = fixture.crossing("Torkham", "AFG", "PAK", 34.1125, 71.0936);
		this.chaman = fixture.crossing("Chaman", "AFG", "PAK", 30.9210, 66.4597);
		this.ghulamKhan = fixture.crossing("Ghulam Khan", "AFG", "PAK", 33.2430, 70.1530);
		String closure = "Attacks on trade convoys from the Afghan side";
		this.torkhamClosed = fixture.statusChange(this.torkham, Instant.parse("2025-10-12T06:00:00Z"), "CLOSED",
				List.of(), this.islamabad, closure, this.convoyAttack);
		this.chamanClosed = fixture.statusChange(this.chaman, Instant.parse("2025-10-12T06:30:00Z"), "CLOSED",
				List.of(), this.islamabad, closure, null);
		this.ghulamKhanClosed = fixture.statusChange(this.ghulamKhan, Instant.parse("2025-10-12T07:00:00Z"), "CLOSED",
				List.of(), this.islamabad, closure, null);
		String reopening = "Afghan refugees allowed to return home";
		this.torkhamReopened = fixture.statusChange(this.torkham, Instant.parse("2025-11-01T04:00:00Z"),
				"PARTIALLY_OPEN", List.of("REFUGEES_RETURNING"), this.islamabad, reopening, null);
		this.chamanReopened = fixture.statusChange(this.chaman, Instant.parse("2025-11-01T05:00:00Z"), "PARTIALLY_OPEN",
				List.of("REFUGEES_RETURNING"), this.islamabad, reopening, null);

		this.doha = fixture.ceasefire("Doha ceasefire")
			.agreed(CEASEFIRE, CEASEFIRE, "DAY")
			.party(this.pakistan)
			.party(this.afghanistan)
			.mediator(this.qatar, "MEDIATOR")
			.create();
		fixture.violation(this.doha, this.mortar, this.pakistan);
		this.truce2022 = fixture.ceasefire("TTP ceasefire of 2022")
			.agreed(LocalDate.parse("2022-06-01"), LocalDate.parse("2022-06-01"), "MONTH")
			.ended(LocalDate.parse("2022-11-28"), "TERMINATED", this.ttp,
					"The TTP ended it, accusing Pakistan's military\nof violating it")
			.party(this.ttp)
			.party(this.islamabad)
			.mediator(this.taliban, "MEDIATOR")
			.create();

		this.negotiation = fixture.negotiation("Pakistan-Afghanistan talks 2025",
				List.of(this.pakistan, this.afghanistan),
				List.of(new Object[] { this.qatar, "MEDIATOR" }, new Object[] { this.turkey, "FACILITATOR" }));
		this.round3 = fixture.round(this.negotiation, 3, ISTANBUL)
			.venue("Istanbul", "TUR")
			.status("ONGOING")
			.agenda("Afghan territory not used for attacks inside Pakistan")
			.delegation(this.afghanistan, this.wasiq, null)
			.delegation(this.pakistan, this.malik, "Reported by the Afghan side; not publicly confirmed")
			.mediator(this.turkey, "HOST")
			.create();
	}

	/**
	 * Every actor of this run: the actor filter that keeps other runs' records out of a
	 * test.
	 */
	public List<UUID> actors() {
		return List.of(this.pakistan, this.afghanistan, this.taliban, this.islamabad, this.military, this.ttp,
				this.qatar, this.turkey, this.wasiq, this.malik);
	}

	public String actorFilter() {
		return "actor=" + String.join(",", actors().stream().map(UUID::toString).toList());
	}

}
