package org.borderwatch.importing;

/** Text limits the ceasefire record puts on what the agreement datasets hold. */
final class PeaceAgreements {

	/**
	 * Names are cut to leave room for the dataset and id that tell two agreements of the
	 * same name apart.
	 */
	static final int MAX_NAME = 170;

	private PeaceAgreements() {
	}

	static String name(String name) {
		return shorten(name.replaceAll("\\s+", " ").strip(), MAX_NAME);
	}

	static String shorten(String text, int max) {
		if (text == null) {
			return null;
		}
		return (text.length() > max) ? text.substring(0, max - 3) + "..." : text;
	}

}
