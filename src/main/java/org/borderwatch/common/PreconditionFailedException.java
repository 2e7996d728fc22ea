package org.borderwatch.common;

import java.util.List;

import org.springframework.http.HttpStatus;

/** 412: the client's {@code If-Match} names a version that is no longer current. */
public class PreconditionFailedException extends ApiException {

	private PreconditionFailedException(String detail) {
		super(HttpStatus.PRECONDITION_FAILED, "Precondition failed", detail, List.of());
	}

	public static PreconditionFailedException staleVersion(String ifMatch, long currentVersion) {
		return new PreconditionFailedException("If-Match " + ifMatch + " does not match the current version "
				+ ETags.of(currentVersion) + "; read the record again and reapply your change");
	}

}
