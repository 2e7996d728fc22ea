package org.borderwatch.security;

import java.util.List;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.StrictHttpFirewall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class HeaderCharactersTest {

	private static final List<String> SAMPLES = List.of("", "Bearer bwk_abc-DEF_123", "write benchmark", "a\tb", "\t",
			"tab\u0009end", "nul\u0000", "bell\u0007", "del\u007f", "c1\u0085", "line\nbreak", "cr\rhere", "caf\u00e9",
			"\u00a0nbsp", "unassigned\u0378", "emoji\ud83d\ude00", "lone\ud83d", "\u2028separator",
			"~!@#$%^&*()_+{}|:\"<>?`-=[]\\;',./", " ");

	@Test
	void judgesHeaderNamesExactlyAsTheDefaultCheck() {
		assertSameVerdicts(HeaderCharacters.names(), StrictHttpFirewall.ALLOWED_HEADER_NAMES);
	}

	@Test
	void judgesHeaderValuesExactlyAsTheDefaultCheck() {
		assertSameVerdicts(HeaderCharacters.values(), StrictHttpFirewall.ALLOWED_HEADER_VALUES);
	}

	@Test
	void judgesParameterNamesExactlyAsTheDefaultCheck() {
		assertSameVerdicts(HeaderCharacters.parameterNames(), StrictHttpFirewall.ALLOWED_PARAMETER_NAMES);
	}

	private static void assertSameVerdicts(Predicate<String> check, Predicate<String> defaultCheck) {
		for (String sample : SAMPLES) {
			assertThat(check.test(sample)).as(sample).isEqualTo(defaultCheck.test(sample));
		}
	}

	@Test
	void firewallStillRejectsAControlCharacterInAParameterName() {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/timeline");
		request.addParameter("country", "PAK");
		request.addParameter("bell\u0007", "x");
		var firewalled = HeaderCharacters.firewall().getFirewalledRequest(request);
		assertThat(firewalled.getParameter("country")).isEqualTo("PAK");
		assertThatExceptionOfType(RequestRejectedException.class).isThrownBy(firewalled::getParameterMap);
	}

	@Test
	void firewallStillRejectsAControlCharacterInAHeaderValue() {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/actors");
		request.addHeader("X-Change-Reason", "ring\u0007the bell");
		request.addHeader("Authorization", "Bearer bwk_fine");
		var firewalled = HeaderCharacters.firewall().getFirewalledRequest(request);
		assertThat(firewalled.getHeader("Authorization")).isEqualTo("Bearer bwk_fine");
		assertThatExceptionOfType(RequestRejectedException.class)
			.isThrownBy(() -> firewalled.getHeader("X-Change-Reason"));
	}

}
