package org.borderwatch.importing;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The dataset formats the importer reads. {@code dataset} is what an imported record's
 * external reference names; {@code actorNamespace} is where the dataset's actor ids live
 * (UCDP's actor ids are shared by GED and the peace agreement dataset).
 */
public enum ImportFormat {

	/** ACLED event exports, current and 2020-era layouts. */
	ACLED("acled", "ACLED", "ACLED", "ACLED", "Armed Conflict Location & Event Data (ACLED)"),

	/** UCDP GED events, HDX and UCDP web exports. */
	UCDP_GED("ucdp-ged", "UCDP-GED", "UCDP", "UCDP", "UCDP Georeferenced Event Dataset (GED)"),

	/** UCDP Peace Agreement Dataset: agreements with ceasefire provisions. */
	UCDP_PEACE_AGREEMENTS("ucdp-peace", "UCDP-PA", "UCDP", "UCDP", "UCDP Peace Agreement Dataset"),

	/** PA-X Peace Agreements Database: ceasefire agreements and provisions. */
	PAX("pax", "PA-X", "PA-X", "University of Edinburgh, PA-X", "PA-X Peace Agreements Database");

	private final String code;

	private final String dataset;

	private final String actorNamespace;

	private final String publisher;

	private final String title;

	ImportFormat(String code, String dataset, String actorNamespace, String publisher, String title) {
		this.code = code;
		this.dataset = dataset;
		this.actorNamespace = actorNamespace;
		this.publisher = publisher;
		this.title = title;
	}

	/** The name clients use ({@code ucdp-ged}). */
	public String code() {
		return this.code;
	}

	String dataset() {
		return this.dataset;
	}

	String actorNamespace() {
		return this.actorNamespace;
	}

	String publisher() {
		return this.publisher;
	}

	String title() {
		return this.title;
	}

	boolean makesCeasefires() {
		return this == UCDP_PEACE_AGREEMENTS || this == PAX;
	}

	public static Optional<ImportFormat> fromCode(String code) {
		if (code == null) {
			return Optional.empty();
		}
		String wanted = code.strip().toLowerCase(Locale.ROOT);
		return Arrays.stream(values())
			.filter((format) -> format.code.equals(wanted) || format.name().equalsIgnoreCase(wanted))
			.findFirst();
	}

	/** The codes, for messages: {@code acled, ucdp-ged, ucdp-peace, pax}. */
	public static String codes() {
		return Arrays.stream(values()).map(ImportFormat::code).collect(Collectors.joining(", "));
	}

}
