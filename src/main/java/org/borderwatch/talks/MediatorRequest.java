package org.borderwatch.talks;

import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;

import org.borderwatch.common.MediatorRole;

/** A mediator as clients write it, in negotiations and in talks rounds. */
@Schema(name = "TalksMediatorRequest")
public record MediatorRequest(@Schema(description = "Id of the mediating actor") @NotNull UUID actorId,
		@Schema(example = "FACILITATOR") @NotNull MediatorRole role) {

	Mediator toMediator() {
		return new Mediator(this.actorId, this.role);
	}

	static MediatorRequest from(Mediator mediator) {
		return new MediatorRequest(mediator.actorId(), mediator.role());
	}

}
