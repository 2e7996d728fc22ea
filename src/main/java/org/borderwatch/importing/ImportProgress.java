package org.borderwatch.importing;

/** Told how far an import has read, every few thousand rows and at the end. */
@FunctionalInterface
public interface ImportProgress {

	ImportProgress NONE = (rows, rejected) -> {
	};

	void rowsRead(long rows, long rejected);

}
