package org.borderwatch.talks;

import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;

import org.borderwatch.actor.ActorDirectory;
import org.borderwatch.actor.ActorRef;
import org.borderwatch.common.MediatorRole;

/** A mediator as the API returns it, with the actor's name. */
@Schema(name = "TalksMediatorView")
public record MediatorView(ActorRef actor, @Schema(example = "MEDIATOR") MediatorRole role) {

	static MediatorView of(Mediator mediator, Map<UUID, ActorRef> refs) {
		return new MediatorView(ActorDirectory.ref(refs, mediator.actorId()), mediator.role());
	}

}
