package org.borderwatch.ceasefire;

import java.net.URI;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import org.borderwatch.common.PageLimit;
import org.borderwatch.common.PageResponse;

@RestController
@RequestMapping("/api/v1/ceasefires/{ceasefireId}/violations")
@Tag(name = "Ceasefires")
class CeasefireViolationController {

	private final CeasefireViolationService service;

	CeasefireViolationController(CeasefireViolationService service) {
		this.service = service;
	}

	@PostMapping
	@Operation(summary = "Record an alleged violation of a ceasefire",
			description = "201 with Location. 409 when the incident is already recorded against this ceasefire; 422 when the incident or the alleging actor does not exist. Moves the ceasefire's version (its violationCount changes).")
	ResponseEntity<ViolationResponse> add(@PathVariable UUID ceasefireId,
			@Valid @RequestBody ViolationRequest request) {
		ViolationResponse created = this.service.add(ceasefireId, request);
		URI location = ServletUriComponentsBuilder.fromCurrentRequest()
			.path("/{id}")
			.buildAndExpand(created.id())
			.toUri();
		return ResponseEntity.created(location).body(created);
	}

	@GetMapping
	@Operation(summary = "List the alleged violations of a ceasefire", description = "In the order they were recorded.")
	ResponseEntity<PageResponse<ViolationResponse>> list(@PathVariable UUID ceasefireId,
			@Parameter(description = "Page size, 1 to 500") @RequestParam(required = false) Integer limit,
			@Parameter(description = "nextCursor of the previous page") @RequestParam(required = false) String cursor) {
		return this.service.list(ceasefireId, PageLimit.check(limit), cursor).toResponse();
	}

	@GetMapping("/{violationId}")
	@Operation(summary = "Read an alleged violation of a ceasefire")
	ViolationResponse get(@PathVariable UUID ceasefireId, @PathVariable UUID violationId) {
		return this.service.get(ceasefireId, violationId);
	}

	@DeleteMapping("/{violationId}")
	@Operation(summary = "Remove an alleged violation from a ceasefire",
			description = "The incident itself stays. Moves the ceasefire's version.")
	ResponseEntity<Void> remove(@PathVariable UUID ceasefireId, @PathVariable UUID violationId) {
		this.service.remove(ceasefireId, violationId);
		return ResponseEntity.noContent().build();
	}

}
