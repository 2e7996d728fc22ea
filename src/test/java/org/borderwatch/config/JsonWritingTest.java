package org.borderwatch.config;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;

import org.borderwatch.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service's mapper writes doubles with Jackson's shortest-form writer: Java 17's
 * {@code Double.toString} writes 2.0E23 as 1.9999999999999998E23, the writer as 2.0E23.
 */
class JsonWritingTest extends IntegrationTest {

	@Autowired
	private JsonMapper mapper;

	@Test
	void writesDoublesInTheirShortestForm() {
		assertThat(this.mapper.writeValueAsString(2.0E23)).isEqualTo("2.0E23");
		assertThat(this.mapper.writeValueAsString(new double[] { 34.5553, 69.2075, 0.1 }))
			.isEqualTo("[34.5553,69.2075,0.1]");
	}

}
