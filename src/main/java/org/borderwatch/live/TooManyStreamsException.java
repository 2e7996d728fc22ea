package org.borderwatch.live;

import java.util.List;

import org.springframework.http.HttpStatus;

import org.borderwatch.common.ApiException;

/** 503: no stream can be opened now (the cap is reached, or the service is stopping). */
class TooManyStreamsException extends ApiException {

	TooManyStreamsException(String detail) {
		super(HttpStatus.SERVICE_UNAVAILABLE, "Too many open streams", detail, List.of());
	}

}
