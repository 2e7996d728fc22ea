package org.borderwatch.ceasefire;

import java.util.List;

import org.springframework.http.HttpStatus;

import org.borderwatch.common.ApiException;
import org.borderwatch.common.FieldError;

/**
 * 409: the ceasefire's current status forbids the transition asked for (only a ceasefire
 * in effect can be ended). The request itself is well formed; the record is in the wrong
 * state, and reading it again shows why.
 */
class CeasefireNotInEffectException extends ApiException {

	CeasefireNotInEffectException(CeasefireStatus current) {
		super(HttpStatus.CONFLICT, "Conflict",
				"Only a ceasefire that is IN_EFFECT can be ended; this one is " + current,
				List.of(new FieldError("status", "is " + current + ", not IN_EFFECT")));
	}

}
