package org.borderwatch.importing;

import java.util.StringJoiner;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How long each statement of an import's writing took, logged at debug level in one line
 * per import: where an import spends its time, without a profiler.
 */
final class ImportSteps {

	private static final Logger logger = LoggerFactory.getLogger(ImportSteps.class);

	private final StringJoiner done = new StringJoiner(", ");

	private long last = System.nanoTime();

	/** Ends the step that began when the previous one ended. */
	void done(String step) {
		if (logger.isDebugEnabled()) {
			long now = System.nanoTime();
			this.done.add(step + " " + (now - this.last) / 1_000_000 + " ms");
			this.last = now;
		}
	}

	void log(UUID importId) {
		logger.debug("Import {} wrote its records: {}", importId, this.done);
	}

}
