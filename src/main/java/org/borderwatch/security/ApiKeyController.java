package org.borderwatch.security;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/api-keys")
@Tag(name = "API keys", description = "Credentials for callers: issued, listed and revoked by admins")
@SecurityRequirement(name = OpenApiSecurity.SCHEME)
class ApiKeyController {

	private final ApiKeys keys;

	ApiKeyController(ApiKeys keys) {
		this.keys = keys;
	}

	@PostMapping
	@Operation(summary = "Issue an API key (ADMIN)", description = """
			201 with the key's secret: the only time it is shown (only its hash is kept). Send it as \
			`Authorization: Bearer <secret>`. 400 naming the field for a missing name, an unknown role or an \
			expiry in the past.""")
	ResponseEntity<IssuedKeyResponse> create(@Valid @RequestBody ApiKeyRequest request) {
		ApiKeys.Issued issued = this.keys.issue(request.name().strip(), request.role(), request.expiresAt());
		return ResponseEntity.created(URI.create("/api/v1/api-keys/" + issued.key().id()))
			.body(IssuedKeyResponse.of(issued));
	}

	@GetMapping
	@Operation(summary = "List the API keys (ADMIN)",
			description = "Every key ever issued, oldest first, without secrets; revoked ones carry revokedAt.")
	List<ApiKeyResponse> list() {
		return this.keys.list().stream().map(ApiKeyResponse::of).toList();
	}

	@DeleteMapping("/{id}")
	@Operation(summary = "Revoke an API key (ADMIN)", description = """
			204; the key authenticates nobody from now on on this instance, from the very next request. \
			Other instances sharing the database may still accept it for up to \
			`borderwatch.security.api-key-cache` (5 seconds by default), the time they answer for a key \
			from memory. 404 for an unknown id.""")
	ResponseEntity<Void> delete(@PathVariable UUID id) {
		this.keys.revoke(id);
		return ResponseEntity.noContent().build();
	}

	/** What an admin asks for. */
	record ApiKeyRequest(
			@Schema(description = "Who or what uses the key; history names changes after it",
					example = "analyst-team") @NotBlank @Size(max = 100) String name,
			@Schema(example = "EDITOR") @NotNull Role role,
			@Schema(description = "When the key stops working; never when absent", nullable = true,
					example = "2026-12-31T00:00:00Z") Instant expiresAt) {
	}

	/** A key as listed: never its secret. */
	record ApiKeyResponse(UUID id, @Schema(example = "analyst-team") String name, Role role, Instant createdAt,
			@Schema(nullable = true) Instant expiresAt,
			@Schema(nullable = true, description = "To the minute") Instant lastUsedAt,
			@Schema(nullable = true) Instant revokedAt) {

		static ApiKeyResponse of(ApiKeys.ApiKey key) {
			return new ApiKeyResponse(key.id(), key.name(), key.role(), key.createdAt(), key.expiresAt(),
					key.lastUsedAt(), key.revokedAt());
		}

	}

	/** A key just issued, with its secret, shown this once. */
	record IssuedKeyResponse(UUID id, @Schema(example = "analyst-team") String name, Role role, Instant createdAt,
			@Schema(nullable = true) Instant expiresAt,
			@Schema(description = "The secret: shown only now", example = "bwk_3q2-7wXb...") String secret) {

		static IssuedKeyResponse of(ApiKeys.Issued issued) {
			ApiKeys.ApiKey key = issued.key();
			return new IssuedKeyResponse(key.id(), key.name(), key.role(), key.createdAt(), key.expiresAt(),
					issued.secret());
		}

	}

}
