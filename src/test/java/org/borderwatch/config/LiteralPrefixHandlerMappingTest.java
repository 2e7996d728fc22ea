package org.borderwatch.config;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.BeanFactoryUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotationAwareOrderComparator;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPattern;

import org.borderwatch.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The handler mapping that sets mappings aside by their literal beginning picks, for
 * every route of the service and for paths no route takes, the handler Spring MVC's own
 * mapping picks.
 */
class LiteralPrefixHandlerMappingTest extends IntegrationTest {

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	private RequestMappingHandlerMapping mapping;

	@Autowired
	private ApplicationContext context;

	@Test
	void isTheMappingSpringMvcUsesAndKnowsEachRoutesLiteralBeginning() {
		assertThat(this.mapping).isInstanceOf(LiteralPrefixHandlerMapping.class);
		LiteralPrefixHandlerMapping literal = (LiteralPrefixHandlerMapping) this.mapping;
		this.mapping.getHandlerMethods().forEach((info, handler) -> {
			String pattern = info.getPathPatternsCondition().getFirstPattern().getPatternString();
			if (pattern.equals("/api/v1/incidents/{id}")) {
				assertThat(literal.keptPrefix(info)).isEqualTo("/api/v1/incidents/");
			}
			assertThat(literal.keptPrefix(info)).as(pattern).isNotNull();
		});
	}

	@Test
	void picksTheHandlerSpringMvcsOwnMappingPicks() throws Exception {
		RequestMappingHandlerMapping plain = new RequestMappingHandlerMapping();
		plain.setPatternParser(this.mapping.getPatternParser());
		plain.setApplicationContext(this.context);
		this.mapping.getHandlerMethods()
			.forEach((info, handler) -> plain.registerMapping(info, handler.getBean(), handler.getMethod()));

		List<MockHttpServletRequest> requests = new ArrayList<>();
		for (RequestMappingInfo info : this.mapping.getHandlerMethods().keySet()) {
			for (PathPattern pattern : info.getPathPatternsCondition().getPatterns()) {
				String path = pattern.getPatternString()
					.replaceAll("\\{\\*[^}]*}", "a/b")
					.replaceAll("\\{[^}]*}", "3f2c1a9e-0b7d-4c55-9a43-2f6e8d1b7c10")
					.replace("**", "a/b")
					.replace("*", "x")
					.replace("?", "q");
				for (RequestMethod method : methodsOf(info)) {
					requests.add(request(method.name(), path));
					requests.add(request(method.name(), path + "/extra"));
				}
			}
		}
		for (String path : List.of("/", "/api", "/api/v1", "/api/v1/incident%73/abc", "/API/v1/incidents/abc",
				"/api/v1/incidents/", "/nowhere", "/api/v1/actors/abc/history/2", "/api;x=1/v1/incidents/abc",
				"/api/v1/incidents;x=1/abc", "/api/v1/incidents/abc;x=1")) {
			requests.add(request("GET", path));
		}
		assertThat(requests).hasSizeGreaterThan(100);

		for (MockHttpServletRequest request : requests) {
			assertThat(handlerOf(this.mapping, request)).as(request.getMethod() + " " + request.getRequestURI())
				.isEqualTo(handlerOf(plain, request));
		}
	}

	@Test
	void isConsultedBeforeTheActuatorsEndpointsWhichStillAnswerTheirPaths() throws Exception {
		// ordered as the dispatcher servlet orders them when it starts
		List<HandlerMapping> mappings = new ArrayList<>(
				BeanFactoryUtils.beansOfTypeIncludingAncestors(this.context, HandlerMapping.class, true, false)
					.values());
		AnnotationAwareOrderComparator.sort(mappings);
		assertThat(mappings).first().isSameAs(this.mapping);
		HandlerMapping actuator = mappings.stream()
			.filter((candidate) -> candidate.getClass().getName().contains("EndpointHandlerMapping"))
			.findFirst()
			.orElseThrow();
		MockHttpServletRequest health = request("GET", "/actuator/health");
		assertThat(handlerOf(this.mapping, health)).isNull();
		ServletRequestPathUtils.parseAndCache(health);
		assertThat(actuator.getHandler(health)).isNotNull();
	}

	@Test
	void findsAMappingRegisteredAtRunTimeAndForgetsItOnceUnregistered() throws Exception {
		RequestMappingInfo info = RequestMappingInfo.paths("/api/v1/run-time-route/{id}")
			.methods(RequestMethod.GET)
			.options(this.mapping.getBuilderConfiguration())
			.build();
		MockHttpServletRequest request = request("GET", "/api/v1/run-time-route/abc");
		assertThat(handlerOf(this.mapping, request)).isNull();
		this.mapping.registerMapping(info, new RunTimeRoute(), RunTimeRoute.class.getMethod("answer"));
		try {
			assertThat(handlerOf(this.mapping, request)).isEqualTo(RunTimeRoute.class.getMethod("answer"));
		}
		finally {
			this.mapping.unregisterMapping(info);
		}
		assertThat(handlerOf(this.mapping, request)).isNull();
	}

	/** The handler of the route registered at run time. */
	public static class RunTimeRoute {

		public String answer() {
			return "answered";
		}

	}

	@Test
	void takesTheLiteralBeginningOfAPattern() {
		assertThat(LiteralPrefixHandlerMapping.literalPrefix("/api/v1/incidents/{id}")).isEqualTo("/api/v1/incidents/");
		assertThat(LiteralPrefixHandlerMapping.literalPrefix("/api/v1/timeline")).isEqualTo("/api/v1/timeline");
		assertThat(LiteralPrefixHandlerMapping.literalPrefix("/swagger*/**")).isEqualTo("/swagger");
		assertThat(LiteralPrefixHandlerMapping.literalPrefix("/a?c")).isEqualTo("/a");
		assertThat(LiteralPrefixHandlerMapping.literalPrefix("{*path}")).isEmpty();
	}

	private static List<RequestMethod> methodsOf(RequestMappingInfo info) {
		List<RequestMethod> methods = new ArrayList<>(info.getMethodsCondition().getMethods());
		return methods.isEmpty() ? List.of(RequestMethod.GET, RequestMethod.POST) : methods;
	}

	private static MockHttpServletRequest request(String method, String path) {
		MockHttpServletRequest request = new MockHttpServletRequest(method, path);
		request.addHeader("Accept", "application/json");
		if (!method.equals("GET")) {
			request.setContentType("application/json");
		}
		return request;
	}

	/** The handler method picked, the exception's type if the lookup refused, or null. */
	private static Object handlerOf(RequestMappingHandlerMapping mapping, MockHttpServletRequest request) {
		ServletRequestPathUtils.parseAndCache(request);
		try {
			HandlerExecutionChain chain = mapping.getHandler(request);
			return (chain != null) ? ((HandlerMethod) chain.getHandler()).getMethod() : null;
		}
		catch (Exception ex) {
			return ex.getClass();
		}
		finally {
			request.clearAttributes();
		}
	}

}
