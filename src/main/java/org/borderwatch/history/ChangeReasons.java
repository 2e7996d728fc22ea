package org.borderwatch.history;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import org.borderwatch.common.InvalidInputException;

/**
 * Checks the {@code X-Change-Reason} header of writes before they run: at most 500
 * characters, no control characters, and present when
 * {@code borderwatch.history.require-reason} is true. The reason itself reaches the
 * history through {@link HistoryTransactions}.
 */
@Configuration(proxyBeanMethods = false)
class ChangeReasons implements WebMvcConfigurer, HandlerInterceptor {

	static final int MAX_LENGTH = 500;

	private final boolean required;

	ChangeReasons(@Value("${borderwatch.history.require-reason:false}") boolean required) {
		this.required = required;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this).addPathPatterns("/api/**").excludePathPatterns("/api/v1/api-keys/**");
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		String method = request.getMethod();
		if (method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS")) {
			return true;
		}
		String reason = request.getHeader(HistoryTransactions.REASON_HEADER);
		if (reason == null || reason.isBlank()) {
			if (this.required) {
				throw InvalidInputException.forField(HistoryTransactions.REASON_HEADER,
						"is required for writes: say why the record changes (at most " + MAX_LENGTH + " characters)");
			}
			return true;
		}
		if (reason.length() > MAX_LENGTH) {
			throw InvalidInputException.forField(HistoryTransactions.REASON_HEADER,
					"must be at most " + MAX_LENGTH + " characters");
		}
		if (reason.chars().anyMatch((c) -> c < 0x20 || c == 0x7f)) {
			throw InvalidInputException.forField(HistoryTransactions.REASON_HEADER,
					"must not contain control characters");
		}
		return true;
	}

}
