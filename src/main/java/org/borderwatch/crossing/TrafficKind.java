package org.borderwatch.crossing;

/**
 * A kind of traffic a crossing may let through (refugees returning home while trade stays
 * shut).
 */
public enum TrafficKind {

	TRADE, PASSENGERS, PEDESTRIANS, REFUGEES_RETURNING, HUMANITARIAN, DIPLOMATIC

}
