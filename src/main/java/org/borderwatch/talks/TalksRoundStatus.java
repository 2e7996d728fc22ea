package org.borderwatch.talks;

import java.util.EnumSet;
import java.util.Set;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Where a round of talks stands, and where it may go next. Stored as text.
 * <p>
 * A round is SCHEDULED, then held (ONGOING, possibly SUSPENDED and resumed), and ends
 * CONCLUDED or COLLAPSED; a round called off before it met is CANCELLED. A round first
 * recorded as SCHEDULED and next heard of when it ended may go straight to CONCLUDED or
 * COLLAPSED: it was held in between. The three ends are final.
 */
@Schema(description = """
		Lifecycle: SCHEDULED -> ONGOING (held) -> SUSPENDED -> ONGOING (resumed); \
		SCHEDULED, ONGOING or SUSPENDED -> CONCLUDED or COLLAPSED; SCHEDULED -> CANCELLED (called off before \
		it met). CONCLUDED, COLLAPSED and CANCELLED are final. An outcome is recorded only for a round that \
		met and stopped: SUSPENDED, CONCLUDED or COLLAPSED.""")
public enum TalksRoundStatus {

	/** Announced, not yet met. */
	SCHEDULED,

	/** Being held: the delegations are meeting. */
	ONGOING,

	/** Ended as planned, with or without an agreement. */
	CONCLUDED,

	/** Adjourned while held, expected to resume. */
	SUSPENDED,

	/** Broke down without an agreement while held. */
	COLLAPSED,

	/** Called off before it met. */
	CANCELLED;

	/**
	 * The statuses a round in this one may move to. Rule: a round that has met cannot be
	 * scheduled or cancelled again, and a CONCLUDED, COLLAPSED or CANCELLED round stays
	 * so.
	 */
	Set<TalksRoundStatus> next() {
		return switch (this) {
			case SCHEDULED -> EnumSet.of(ONGOING, CONCLUDED, COLLAPSED, CANCELLED);
			case ONGOING -> EnumSet.of(SUSPENDED, CONCLUDED, COLLAPSED);
			case SUSPENDED -> EnumSet.of(ONGOING, CONCLUDED, COLLAPSED);
			case CONCLUDED, COLLAPSED, CANCELLED -> EnumSet.noneOf(TalksRoundStatus.class);
		};
	}

	/**
	 * Rule: an outcome belongs to a round that met and stopped (SUSPENDED, CONCLUDED,
	 * COLLAPSED); a round not yet met, being held or called off has none.
	 */
	boolean takesOutcome() {
		return this == SUSPENDED || this == CONCLUDED || this == COLLAPSED;
	}

	boolean isFinal() {
		return next().isEmpty();
	}

}
