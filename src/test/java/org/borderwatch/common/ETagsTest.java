package org.borderwatch.common;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ETagsTest {

	@Test
	void acceptsAMatchingStrongWeakListedOrWildcardTag() {
		assertThatCode(() -> ETags.requireMatch("\"3\"", 3)).doesNotThrowAnyException();
		assertThatCode(() -> ETags.requireMatch("W/\"3\"", 3)).doesNotThrowAnyException();
		assertThatCode(() -> ETags.requireMatch("\"1\", \"3\"", 3)).doesNotThrowAnyException();
		assertThatCode(() -> ETags.requireMatch("*", 3)).doesNotThrowAnyException();
		assertThatCode(() -> ETags.requireMatch(null, 3)).doesNotThrowAnyException();
	}

	@Test
	void refusesAStaleOrForeignTagWith412() {
		assertThatExceptionOfType(PreconditionFailedException.class).isThrownBy(() -> ETags.requireMatch("\"2\"", 3));
		assertThatExceptionOfType(PreconditionFailedException.class).isThrownBy(() -> ETags.requireMatch("\"abc\"", 3));
	}

	@Test
	void answersNotModifiedOnlyForTheCurrentVersion() {
		assertThat(ETags.okOrNotModified("body", 3, "\"3\"").getStatusCode().value()).isEqualTo(304);
		assertThat(ETags.okOrNotModified("body", 3, "\"2\"").getStatusCode().value()).isEqualTo(200);
		assertThat(ETags.okOrNotModified("body", 3, null).getHeaders().getETag()).isEqualTo("\"3\"");
	}

}
