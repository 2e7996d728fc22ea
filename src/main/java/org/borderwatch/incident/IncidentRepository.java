package org.borderwatch.incident;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface IncidentRepository extends JpaRepository<Incident, UUID> {

	Optional<Incident> findByExternalDatasetAndExternalId(String dataset, String id);

}
