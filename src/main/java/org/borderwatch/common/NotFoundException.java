package org.borderwatch.common;

import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;

/** 404: no record of that kind has that id. */
public class NotFoundException extends ApiException {

	private NotFoundException(String detail) {
		super(HttpStatus.NOT_FOUND, "Not found", detail, List.of());
	}

	public static NotFoundException of(String resource, UUID id) {
		return new NotFoundException("No " + resource + " with id " + id);
	}

	public static NotFoundException of(String resource, String key) {
		return new NotFoundException("No " + resource + " " + key);
	}

}
