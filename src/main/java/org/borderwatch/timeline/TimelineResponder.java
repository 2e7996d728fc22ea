package org.borderwatch.timeline;

import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Component;

import org.borderwatch.export.ExportFormat;

/**
 * What every timeline endpoint does once it knows its scope: a JSON page (a
 * {@code ResponseEntity}), or a streamed export (a {@code StreamingResponseBody}). Hence
 * the endpoints' {@code Object} return type: Spring MVC picks the handling by the
 * returned value.
 */
@Component
class TimelineResponder {

	private final TimelineService service;

	TimelineResponder(TimelineService service) {
		this.service = service;
	}

	Object respond(TimelineParams params, TimelineScope scope, Optional<ExportFormat> export, String baseName,
			HttpServletResponse response) {
		TimelineFilter filter = this.service.filter(params);
		SortOrder order = params.orderValue();
		if (export.isPresent()) {
			return this.service.export(export.get(), filter, scope, order, baseName, response);
		}
		return this.service.page(filter, scope, order, params.limitValue(), params.cursorValue()).toResponse();
	}

}
