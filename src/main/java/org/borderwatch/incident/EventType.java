package org.borderwatch.incident;

import java.util.Arrays;
import java.util.Optional;

/**
 * ACLED's six event types. Each {@link SubEventType} belongs to exactly one of them. The
 * label is ACLED's own wording, for exports that must match ACLED's files.
 */
public enum EventType {

	BATTLES("Battles"), EXPLOSIONS_REMOTE_VIOLENCE("Explosions/Remote violence"),
	VIOLENCE_AGAINST_CIVILIANS("Violence against civilians"), PROTESTS("Protests"), RIOTS("Riots"),
	STRATEGIC_DEVELOPMENTS("Strategic developments");

	private final String label;

	EventType(String label) {
		this.label = label;
	}

	/** ACLED's label, such as {@code Explosions/Remote violence}. */
	public String label() {
		return this.label;
	}

	/**
	 * The type whose ACLED label is {@code label} (ignoring case), for importers of ACLED
	 * files.
	 */
	public static Optional<EventType> fromLabel(String label) {
		return Arrays.stream(values()).filter((type) -> type.label.equalsIgnoreCase(label.strip())).findFirst();
	}

}
