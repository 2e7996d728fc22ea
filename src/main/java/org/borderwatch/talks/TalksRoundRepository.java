package org.borderwatch.talks;

import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface TalksRoundRepository extends JpaRepository<TalksRound, UUID> {

}
