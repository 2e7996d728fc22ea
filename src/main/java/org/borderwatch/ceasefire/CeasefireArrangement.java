package org.borderwatch.ceasefire;

/**
 * Who committed to a ceasefire, which fixes how many parties it has: UNILATERAL exactly
 * one (it declared the ceasefire alone), BILATERAL exactly two, MULTILATERAL two or more.
 * Stored as text.
 */
public enum CeasefireArrangement {

	UNILATERAL, BILATERAL, MULTILATERAL

}
