package org.borderwatch.crossing;

/** What traffic a border crossing is built for. Stored as text. */
public enum CrossingKind {

	ROAD, RAIL, PEDESTRIAN, MIXED

}
