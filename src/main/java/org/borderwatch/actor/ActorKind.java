package org.borderwatch.actor;

/** What an actor is. Stored as text. */
public enum ActorKind {

	STATE, GOVERNMENT, STATE_FORCES, NON_STATE_ARMED_GROUP, INTERNATIONAL_ORGANIZATION, PERSON, CIVILIANS, OTHER

}
