package org.borderwatch.ceasefire;

/** Whether a ceasefire was agreed in words only or in a written text. Stored as text. */
public enum CeasefireForm {

	VERBAL, WRITTEN

}
