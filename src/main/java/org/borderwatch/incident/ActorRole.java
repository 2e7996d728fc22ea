package org.borderwatch.incident;

/** The part an actor took in an incident. Stored as text. */
public enum ActorRole {

	INITIATOR, TARGET, PARTICIPANT

}
