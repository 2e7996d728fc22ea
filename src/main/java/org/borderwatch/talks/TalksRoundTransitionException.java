package org.borderwatch.talks;

import java.util.List;
import java.util.stream.Collectors;

import org.springframework.http.HttpStatus;

import org.borderwatch.common.ApiException;
import org.borderwatch.common.FieldError;

/**
 * 409: the round's current status forbids the move asked for (a CONCLUDED round cannot be
 * held again, a round that met cannot be cancelled). The request is well formed; the
 * record is in a state that refuses it, and reading it again shows why.
 */
class TalksRoundTransitionException extends ApiException {

	TalksRoundTransitionException(TalksRoundStatus current, TalksRoundStatus wanted) {
		super(HttpStatus.CONFLICT, "Conflict",
				"A " + current + " round of talks cannot become " + wanted + "; " + allowed(current),
				List.of(new FieldError("status", "is " + current + "; cannot become " + wanted)));
	}

	private static String allowed(TalksRoundStatus current) {
		if (current.isFinal()) {
			return current + " is final";
		}
		return "it may become " + current.next().stream().map(Enum::name).collect(Collectors.joining(", "));
	}

}
