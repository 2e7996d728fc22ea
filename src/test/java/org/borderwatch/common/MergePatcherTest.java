package org.borderwatch.common;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** The examples of RFC 7396, section 3 and appendix A. */
class MergePatcherTest {

	private final JsonMapper json = JsonMapper.shared();

	private String merge(String target, String patch) {
		JsonNode result = MergePatcher.merge(this.json.readTree(target), this.json.readTree(patch));
		return result.toString();
	}

	@Test
	void replacesPresentFieldsRemovesNullsAndKeepsTheRest() {
		assertThat(merge("""
				{"title": "Goodbye!", "author": {"givenName": "John", "familyName": "Doe"},
				 "tags": ["example", "sample"], "content": "This will be unchanged"}""",
				"""
						{"title": "Hello!", "phoneNumber": "+01-123-456-7890", "author": {"familyName": null}, "tags": ["example"]}"""))
			.isEqualTo("""
					{"title":"Hello!","author":{"givenName":"John"},"tags":["example"],\
					"content":"This will be unchanged","phoneNumber":"+01-123-456-7890"}""");
	}

	@Test
	void replacesArraysWholeAndNonObjectsOutright() {
		assertThat(merge("{\"a\":[{\"b\":\"c\"}]}", "{\"a\":[1]}")).isEqualTo("{\"a\":[1]}");
		assertThat(merge("{\"a\":\"b\"}", "[\"c\"]")).isEqualTo("[\"c\"]");
		assertThat(merge("{\"e\":null}", "{\"a\":1}")).isEqualTo("{\"e\":null,\"a\":1}");
		assertThat(merge("[1,2]", "{\"a\":\"b\",\"c\":null}")).isEqualTo("{\"a\":\"b\"}");
		assertThat(merge("{}", "{\"a\":{\"bb\":{\"ccc\":null}}}")).isEqualTo("{\"a\":{\"bb\":{}}}");
	}

}
