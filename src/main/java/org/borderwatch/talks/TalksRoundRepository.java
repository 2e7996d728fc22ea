package org.borderwatch.talks;

import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;

interface TalksRoundRepository extends JpaRepository<TalksRound, UUID> {

	/**
	 * Loads a round to change it, locking its row: writers of one round take turns, so
	 * the second sees the first's version (a stale If-Match gets its 412) instead of
	 * racing it through the delegation rows, where the deferred position key would make
	 * the two wait on each other.
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	Optional<TalksRound> findForWriteById(UUID id);

}
