package org.borderwatch.actor;

/** How one actor stands towards another. */
public enum RelationKind {

	ALLIED_WITH, PART_OF, OPPOSES, SPLINTER_OF

}
