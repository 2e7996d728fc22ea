package org.borderwatch.actor;

import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * An actor as other records show it: its id, with its name so a reader need not look it
 * up.
 */
@Schema(name = "ActorRef", description = "A reference to an actor, with its name")
public record ActorRef(UUID id, @Schema(example = "Pakistan") String name) {
}
