package org.borderwatch.common;

/**
 * How precisely a date is known. A MONTH-precision date of 2025-10-01 means "some time in
 * October 2025", not the first of October: reports are often vague, and the data must not
 * pretend.
 */
public enum DatePrecision {

	DAY, WEEK, MONTH, YEAR

}
