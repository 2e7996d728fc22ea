package org.borderwatch.importing;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.Principal;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import org.borderwatch.common.InvalidInputException;

/**
 * Dataset imports over HTTP: the file streams to a temporary file (never whole into
 * memory, and past the JSON body limit), the answer is 202 with a job to poll, and the
 * import runs in the background through the same engine as the command line.
 */
@RestController
@ConditionalOnWebApplication
@RequestMapping("/api/v1/imports")
@Tag(name = "Imports", description = "Load ACLED, UCDP GED and peace-agreement files")
class ImportController {

	private final ImportJobs jobs;

	private final Path uploadDir;

	ImportController(ImportJobs jobs, @Value("${borderwatch.import.upload-dir:}") String uploadDir) {
		this.jobs = jobs;
		this.uploadDir = uploadDir.isBlank() ? Path.of(System.getProperty("java.io.tmpdir")) : Path.of(uploadDir);
	}

	@PostMapping(consumes = "*/*")
	@Operation(summary = "Import a dataset file",
			description = "The file is the request body (text/csv or application/octet-stream) or the part named "
					+ "`file` of a multipart/form-data body. Files of any size stream through: the 1 MiB limit on "
					+ "JSON bodies does not apply. The import runs in one transaction, in the background: it is "
					+ "applied whole or not at all. Re-importing a file creates and changes nothing.",
			requestBody = @RequestBody(required = true,
					content = { @Content(mediaType = "text/csv", schema = @Schema(type = "string", format = "binary")),
							@Content(mediaType = "application/octet-stream",
									schema = @Schema(type = "string", format = "binary")),
							@Content(mediaType = "multipart/form-data",
									schema = @Schema(type = "object", requiredProperties = { "file" },
											description = "file: the dataset file")) }))
	@ApiResponse(responseCode = "202", description = "Accepted: poll the job at Location",
			content = @Content(schema = @Schema(implementation = ImportJobResponse.class)))
	@ApiResponse(responseCode = "400",
			description = "Unknown format or on-conflict value, or no file (the field is named)",
			content = @Content(mediaType = "application/problem+json",
					schema = @Schema(implementation = ProblemDetail.class)))
	ResponseEntity<ImportJobResponse> submit(
			@Parameter(description = "acled, ucdp-ged, ucdp-peace or pax", example = "ucdp-ged",
					required = true) @RequestParam(required = false) String format,
			@Parameter(description = "The file's name, for the report and the history; by default the "
					+ "multipart file name or 'upload'") @RequestParam(required = false) String fileName,
			@Parameter(description = "The dataset's release, e.g. 22.1, for the history's reason",
					example = "22.1") @RequestParam(required = false) String datasetVersion,
			@Parameter(description = "Fail on the first rejected row, writing nothing") @RequestParam(
					defaultValue = "false") boolean strict,
			@Parameter(
					description = "keep (default): records edited in BorderWatch since their last import stay "
							+ "and are reported as conflicts; overwrite: the file wins",
					schema = @Schema(allowableValues = { "keep", "overwrite" })) @RequestParam(
							defaultValue = "keep") String onConflict,
			HttpServletRequest request, Principal principal) throws IOException {
		ImportFormat importFormat = ImportFormat.fromCode(format)
			.orElseThrow(() -> InvalidInputException.forField("format",
					(format == null) ? "is required; one of " + ImportFormat.codes()
							: "'" + format + "' is not one of " + ImportFormat.codes()));
		OnConflict conflicts = parseOnConflict(onConflict);
		String name = fileName;
		Path file = Files.createTempFile(this.uploadDir, "borderwatch-import-", ".csv");
		try {
			String contentType = request.getContentType();
			if (contentType != null && contentType.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/")) {
				Part part = request.getPart("file");
				if (part == null) {
					throw InvalidInputException.forField("file", "the multipart body has no part named file");
				}
				name = (name != null) ? name : part.getSubmittedFileName();
				try (InputStream in = part.getInputStream()) {
					Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
				}
			}
			else {
				try (InputStream in = request.getInputStream()) {
					Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
				}
			}
			if (Files.size(file) == 0) {
				throw InvalidInputException.forField("file", "the body is empty: send the file as the body");
			}
		}
		catch (IOException | jakarta.servlet.ServletException | RuntimeException ex) {
			Files.deleteIfExists(file);
			if (ex instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw InvalidInputException.forField("file", "could not be read: " + ex.getMessage());
		}
		String requestedBy = (principal != null) ? principal.getName() : "api";
		ImportJobResponse job = this.jobs.submit(new ImportOptions(UUID.randomUUID(), importFormat, name,
				blankToNull(datasetVersion), strict, conflicts, requestedBy), file);
		return ResponseEntity.accepted().location(URI.create("/api/v1/imports/" + job.id())).body(job);
	}

	@GetMapping("/{id}")
	@Operation(summary = "An import job: state, progress, counts, the first rejected rows")
	@ApiResponse(responseCode = "200", description = "The job")
	@ApiResponse(responseCode = "404", description = "No such job",
			content = @Content(mediaType = "application/problem+json",
					schema = @Schema(implementation = ProblemDetail.class)))
	ImportJobResponse get(@PathVariable UUID id) {
		return this.jobs.get(id);
	}

	private static OnConflict parseOnConflict(String value) {
		try {
			return OnConflict.valueOf(value.strip().toUpperCase(java.util.Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw InvalidInputException.forField("onConflict", "'" + value + "' is not one of keep, overwrite");
		}
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
