package org.borderwatch.crossing;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface CrossingStatusChangeRepository extends JpaRepository<CrossingStatusChange, UUID> {

	Optional<CrossingStatusChange> findByIdAndCrossingId(UUID id, UUID crossingId);

	Optional<CrossingStatusChange> findByCrossingIdAndEffectiveFrom(UUID crossingId, Instant effectiveFrom);

}
