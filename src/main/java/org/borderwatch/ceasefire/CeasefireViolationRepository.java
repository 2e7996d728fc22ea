package org.borderwatch.ceasefire;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface CeasefireViolationRepository extends JpaRepository<CeasefireViolation, UUID> {

	Optional<CeasefireViolation> findByIdAndCeasefireId(UUID id, UUID ceasefireId);

	boolean existsByCeasefireIdAndIncidentId(UUID ceasefireId, UUID incidentId);

}
