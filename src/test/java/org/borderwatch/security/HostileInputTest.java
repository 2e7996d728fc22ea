package org.borderwatch.security;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The query check's shortcut for queries without percent-encoding reaches the verdict of
 * decoding each parameter, problem and message alike.
 */
class HostileInputTest {

	@Test
	void decidesEveryQueryAsDecodingEachParameterDoes() {
		List<String> queries = List.of("country=PAK&from=2024-01-01&cursor=YXNjHzIw.SH2V", "a=1&&b=2&", "flag",
				"=orphan", "a=1&=orphan", "a=1&b==2", "q=a+b", "q=%41%42", "q=%E2%82%AC", "q=%FF", "q=%4", "q=%zz",
				"q=%00", "%00=1", "q=a\0b", "a\0=1", "%=1", "a=%", "", "&", "&&=", "a=1&%20=2");
		for (String query : queries) {
			assertThat(HostileInput.checkQuery(query)).as(query).isEqualTo(HostileInput.checkEachParameter(query));
		}
		assertThat(HostileInput.checkQuery("country=PAK&from=2024-01-01")).isNull();
		assertThat(HostileInput.checkQuery("a=1&=orphan"))
			.isEqualTo("query: has a parameter without a name ('=orphan')");
		assertThat(HostileInput.checkQuery("q=a\0b")).isEqualTo("q: must not contain the NUL character");
		assertThat(HostileInput.checkQuery("q=%FF")).isEqualTo("q: is not percent-encoded UTF-8");
	}

}
