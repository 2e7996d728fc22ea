package org.borderwatch.common;

/** The part a third party plays in a ceasefire or in talks. */
public enum MediatorRole {

	MEDIATOR, FACILITATOR, GUARANTOR, HOST, MONITOR

}
