package org.borderwatch.incident;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * ACLED's 25 sub-event types, each belonging to one {@link EventType} and carrying
 * ACLED's label ({@code Air/drone strike}). An incident's sub-type must belong to its
 * type.
 */
public enum SubEventType {

	ARMED_CLASH(EventType.BATTLES, "Armed clash"),
	GOVERNMENT_REGAINS_TERRITORY(EventType.BATTLES, "Government regains territory"),
	NON_STATE_ACTOR_OVERTAKES_TERRITORY(EventType.BATTLES, "Non-state actor overtakes territory"),

	CHEMICAL_WEAPON(EventType.EXPLOSIONS_REMOTE_VIOLENCE, "Chemical weapon"),
	AIR_DRONE_STRIKE(EventType.EXPLOSIONS_REMOTE_VIOLENCE, "Air/drone strike"),
	SUICIDE_BOMB(EventType.EXPLOSIONS_REMOTE_VIOLENCE, "Suicide bomb"),
	SHELLING_ARTILLERY_MISSILE_ATTACK(EventType.EXPLOSIONS_REMOTE_VIOLENCE, "Shelling/artillery/missile attack"),
	REMOTE_EXPLOSIVE_LANDMINE_IED(EventType.EXPLOSIONS_REMOTE_VIOLENCE, "Remote explosive/landmine/IED"),
	GRENADE(EventType.EXPLOSIONS_REMOTE_VIOLENCE, "Grenade"),

	SEXUAL_VIOLENCE(EventType.VIOLENCE_AGAINST_CIVILIANS, "Sexual violence"),
	ATTACK(EventType.VIOLENCE_AGAINST_CIVILIANS, "Attack"),
	ABDUCTION_FORCED_DISAPPEARANCE(EventType.VIOLENCE_AGAINST_CIVILIANS, "Abduction/forced disappearance"),

	PEACEFUL_PROTEST(EventType.PROTESTS, "Peaceful protest"),
	PROTEST_WITH_INTERVENTION(EventType.PROTESTS, "Protest with intervention"),
	EXCESSIVE_FORCE_AGAINST_PROTESTERS(EventType.PROTESTS, "Excessive force against protesters"),

	VIOLENT_DEMONSTRATION(EventType.RIOTS, "Violent demonstration"), MOB_VIOLENCE(EventType.RIOTS, "Mob violence"),

	AGREEMENT(EventType.STRATEGIC_DEVELOPMENTS, "Agreement"), ARRESTS(EventType.STRATEGIC_DEVELOPMENTS, "Arrests"),
	CHANGE_TO_GROUP_ACTIVITY(EventType.STRATEGIC_DEVELOPMENTS, "Change to group/activity"),
	DISRUPTED_WEAPONS_USE(EventType.STRATEGIC_DEVELOPMENTS, "Disrupted weapons use"),
	HEADQUARTERS_OR_BASE_ESTABLISHED(EventType.STRATEGIC_DEVELOPMENTS, "Headquarters or base established"),
	LOOTING_PROPERTY_DESTRUCTION(EventType.STRATEGIC_DEVELOPMENTS, "Looting/property destruction"),
	NON_VIOLENT_TRANSFER_OF_TERRITORY(EventType.STRATEGIC_DEVELOPMENTS, "Non-violent transfer of territory"),
	OTHER(EventType.STRATEGIC_DEVELOPMENTS, "Other");

	private final EventType eventType;

	private final String label;

	SubEventType(EventType eventType, String label) {
		this.eventType = eventType;
		this.label = label;
	}

	/** The event type this sub-type belongs to. */
	public EventType eventType() {
		return this.eventType;
	}

	/** ACLED's label, such as {@code Air/drone strike}. */
	public String label() {
		return this.label;
	}

	public boolean belongsTo(EventType type) {
		return this.eventType == type;
	}

	/** The sub-types of {@code type}, in ACLED's order. */
	public static List<SubEventType> of(EventType type) {
		return Arrays.stream(values()).filter((subType) -> subType.eventType == type).toList();
	}

	/**
	 * The sub-type whose ACLED label is {@code label} (ignoring case), for importers of
	 * ACLED files.
	 */
	public static Optional<SubEventType> fromLabel(String label) {
		return Arrays.stream(values()).filter((subType) -> subType.label.equalsIgnoreCase(label.strip())).findFirst();
	}

}
