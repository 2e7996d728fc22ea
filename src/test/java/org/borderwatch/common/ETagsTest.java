package org.borderwatch.common;

import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

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

	@AfterEach
	void forgetTheRequest() {
		RequestContextHolder.resetRequestAttributes();
	}

	@Test
	void locationIsTheRequestUrlPlusTheIdAsTheUriBuilderWritesIt() {
		UUID id = UUID.fromString("01a241a0-2b00-7742-a7ab-48fb9863b4e4");
		String[][] requests = { { "http", "localhost", "8080", "/api/v1/actors", null },
				{ "http", "127.0.0.1", "80", "/api/v1/actors", null },
				{ "https", "borderwatch.example.org", "443", "/api/v1/incidents", null },
				{ "https", "borderwatch.example.org", "8443", "/api/v1/talks/rounds", null },
				{ "http", "localhost", "18081", "/api/v1/actors", "dry=1&x=%20y" },
				{ "http", "localhost", "18081", "/api/v1/act%20ors", null },
				{ "http", "localhost", "18081", "/api/v1/caf\u00e9", null },
				{ "http", "::1", "8080", "/api/v1/actors", null }, { "ftp", "localhost", "21", "/x", null },
				{ "http", "localhost", "-1", "/api/v1/actors", null } };
		for (String[] r : requests) {
			MockHttpServletRequest request = new MockHttpServletRequest("POST", r[3]);
			request.setScheme(r[0]);
			request.setServerName(r[1]);
			request.setServerPort(Integer.parseInt(r[2]));
			request.setQueryString(r[4]);
			RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
			String expected = ServletUriComponentsBuilder.fromCurrentRequest()
				.path("/{id}")
				.buildAndExpand(id)
				.toUri()
				.toASCIIString();
			assertThat(ETags.location(id)).as(String.join(" ", r[0], r[1], r[2], r[3])).isEqualTo(expected);
		}
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/actors");
		request.setServerPort(18081);
		RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
		var created = ETags.created("body", id, 2);
		assertThat(created.getStatusCode().value()).isEqualTo(201);
		assertThat(created.getHeaders().getLocation()).hasToString("http://localhost:18081/api/v1/actors/" + id);
		assertThat(created.getHeaders().getETag()).isEqualTo("\"2\"");
	}

}
