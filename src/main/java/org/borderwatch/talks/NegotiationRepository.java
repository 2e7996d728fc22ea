package org.borderwatch.talks;

import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;

interface NegotiationRepository extends JpaRepository<Negotiation, UUID> {

	Optional<Negotiation> findByNameIgnoreCase(String name);

	/**
	 * Locks the negotiation and bumps its version: adding or removing a round changes the
	 * negotiation's {@code roundCount}, so its ETag must change too, and round numbers
	 * within one negotiation are handed out one writer at a time.
	 */
	@Lock(LockModeType.PESSIMISTIC_FORCE_INCREMENT)
	Optional<Negotiation> findForRoundChangeById(UUID id);

	/**
	 * Loads a negotiation to change it, locking its row: writers take turns (see the
	 * rounds).
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	Optional<Negotiation> findForWriteById(UUID id);

}
