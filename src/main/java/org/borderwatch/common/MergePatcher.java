package org.borderwatch.common;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.stereotype.Component;

/**
 * JSON Merge Patch (RFC 7396) over request records. The current state is rendered as the
 * same request record a PUT takes, the patch is merged into it, and the result is read
 * back and validated exactly like a PUT body, so PATCH can never accept what PUT would
 * refuse.
 */
@Component
public class MergePatcher {

	public static final String MEDIA_TYPE = "application/merge-patch+json";

	private final JsonMapper mapper;

	private final Validator validator;

	MergePatcher(JsonMapper mapper, Validator validator) {
		this.mapper = mapper;
		this.validator = validator;
	}

	public <T> T apply(T current, JsonNode patch, Class<T> type) {
		if (patch == null || !patch.isObject()) {
			throw InvalidInputException.forField("body", "a merge patch must be a JSON object");
		}
		JsonNode merged = merge(this.mapper.valueToTree(current), patch);
		T result;
		try {
			result = this.mapper.treeToValue(merged, type);
		}
		catch (JacksonException ex) {
			FieldError error = JsonErrors.describe(ex);
			throw InvalidInputException.forFields(List.of(error));
		}
		Set<ConstraintViolation<T>> violations = this.validator.validate(result);
		if (!violations.isEmpty()) {
			List<FieldError> errors = new ArrayList<>();
			violations.forEach((violation) -> errors
				.add(new FieldError(violation.getPropertyPath().toString(), violation.getMessage())));
			errors.sort(Comparator.comparing(FieldError::field));
			throw InvalidInputException.forFields(errors);
		}
		return result;
	}

	static JsonNode merge(JsonNode target, JsonNode patch) {
		if (!patch.isObject()) {
			return patch;
		}
		ObjectNode result = (target != null && target.isObject()) ? ((ObjectNode) target).deepCopy()
				: JsonMapper.shared().createObjectNode();
		for (Map.Entry<String, JsonNode> entry : patch.properties()) {
			if (entry.getValue().isNull()) {
				result.remove(entry.getKey());
			}
			else {
				result.set(entry.getKey(), merge(result.get(entry.getKey()), entry.getValue()));
			}
		}
		return result;
	}

}
