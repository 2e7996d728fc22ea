package org.borderwatch.actor;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The actor's id in a dataset: its UCDP actor id, its ACLED name. Rule: an id in a
 * dataset names one actor only, so that every import of that dataset resolves it to the
 * same actor, even after a rename.
 */
@Embeddable
@Schema(name = "ActorExternalId", description = "The actor's id in a dataset; unique per dataset")
public record ExternalId(
		@Schema(example = "UCDP", description = "The dataset's actor namespace: UCDP, ACLED or PA-X") @NotBlank @Size(
				max = 100) @Column(name = "dataset") String dataset,
		@Schema(example = "142") @NotBlank @Size(max = 500) @Column(name = "external_id") String id) {
}
