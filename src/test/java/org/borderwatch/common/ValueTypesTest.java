package org.borderwatch.common;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ValueTypesTest {

	record SomeRequest(String name) {
	}

	@Test
	void namesScalarsByWhatTheyLookLike() {
		assertThat(ValueTypes.describe(UUID.class)).isEqualTo("UUID");
		assertThat(ValueTypes.describe(LocalDate.class)).isEqualTo("date (expected YYYY-MM-DD)");
		assertThat(ValueTypes.describe(Integer.class)).isEqualTo("whole number");
		assertThat(ValueTypes.describe(String.class)).isEqualTo("string");
	}

	@Test
	void namesRecordsMapsAndListsByTheirJsonShapeNotTheirClass() {
		assertThat(ValueTypes.describe(SomeRequest.class)).isEqualTo("JSON object");
		assertThat(ValueTypes.describe(Map.class)).isEqualTo("JSON object");
		assertThat(ValueTypes.describe(List.class)).isEqualTo("JSON array");
		assertThat(ValueTypes.describe(String[].class)).isEqualTo("JSON array");
	}

}
