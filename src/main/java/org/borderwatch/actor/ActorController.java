package org.borderwatch.actor;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import org.borderwatch.common.Countries;
import org.borderwatch.common.ETags;
import org.borderwatch.common.MergePatcher;
import org.borderwatch.common.PageLimit;
import org.borderwatch.common.PageResponse;

@RestController
@RequestMapping("/api/v1/actors")
@Tag(name = "Actors", description = "States, governments, forces, armed groups, mediators and named officials")
class ActorController {

	private final ActorService service;

	ActorController(ActorService service) {
		this.service = service;
	}

	@PostMapping
	@Operation(summary = "Create an actor",
			description = "201 with Location and ETag. 409 when the name (case-insensitive) is taken; 422 when a referenced actor or source does not exist.")
	ResponseEntity<ActorResponse> create(@Valid @RequestBody ActorRequest request) {
		ActorResponse created = this.service.create(request);
		return ETags.created(created, created.id(), created.version());
	}

	@GetMapping("/{id}")
	@Operation(summary = "Read an actor", description = "Answers 304 when If-None-Match carries the current ETag.")
	ResponseEntity<ActorResponse> get(@PathVariable UUID id,
			@RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
		ActorResponse actor = this.service.get(id);
		return ETags.okOrNotModified(actor, actor.version(), ifNoneMatch);
	}

	@GetMapping
	@Operation(summary = "List actors",
			description = "In name order. Repeat a filter (or comma-separate values) for OR; different filters AND.")
	ResponseEntity<PageResponse<ActorResponse>> list(
			@Parameter(description = "Actor kinds",
					example = "NON_STATE_ARMED_GROUP") @RequestParam(required = false) List<ActorKind> kind,
			@Parameter(description = "ISO 3166-1 alpha-3 codes",
					example = "PAK") @RequestParam(required = false) List<String> country,
			@Parameter(description = "Case-insensitive match on name and aliases",
					example = "taliban") @RequestParam(required = false) String q,
			@Parameter(description = "Id of the parent actor") @RequestParam(required = false) UUID parent,
			@Parameter(description = "Page size, 1 to 500") @RequestParam(required = false) Integer limit,
			@Parameter(description = "nextCursor of the previous page") @RequestParam(required = false) String cursor) {
		ActorFilter filter = new ActorFilter((kind != null) ? kind : List.of(),
				Countries.parseFilter("country", country), q, parent);
		return this.service.list(filter, PageLimit.check(limit), cursor).toResponse();
	}

	@PutMapping("/{id}")
	@Operation(summary = "Replace an actor",
			description = "Fields left out become empty. With If-Match, a stale ETag answers 412.")
	ResponseEntity<ActorResponse> replace(@PathVariable UUID id, @Valid @RequestBody ActorRequest request,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		ActorResponse actor = this.service.replace(id, request, ifMatch);
		return ETags.ok(actor, actor.version());
	}

	@PatchMapping(path = "/{id}", consumes = { MergePatcher.MEDIA_TYPE, "application/json" })
	@Operation(summary = "Update an actor partially (JSON merge patch)",
			description = "Fields present replace the stored ones, null removes a field. With If-Match, a stale ETag answers 412.")
	ResponseEntity<ActorResponse> patch(@PathVariable UUID id, @RequestBody JsonNode patch,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		ActorResponse actor = this.service.patch(id, patch, ifMatch);
		return ETags.ok(actor, actor.version());
	}

	@DeleteMapping("/{id}")
	@Operation(summary = "Delete an actor", description = "409 while other records refer to it, naming them.")
	ResponseEntity<Void> delete(@PathVariable UUID id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		this.service.delete(id, ifMatch);
		return ResponseEntity.noContent().build();
	}

}
