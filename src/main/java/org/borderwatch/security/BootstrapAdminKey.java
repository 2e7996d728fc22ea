package org.borderwatch.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * The first admin key. When {@code borderwatch.security.bootstrap-admin-key} is set, a
 * key with that secret is made to exist. Otherwise, in embedded mode and while no key
 * exists at all, one is generated, printed once in the log and written to an owner-only
 * file beside the data directory ({@code admin-key} next to {@code postgres/}), so that a
 * fresh checkout can write without any setup.
 */
@Component
class BootstrapAdminKey implements ApplicationRunner {

	static final int MIN_LENGTH = 32;

	static final String NAME = "bootstrap-admin";

	private static final Logger log = LoggerFactory.getLogger(BootstrapAdminKey.class);

	private final ApiKeys keys;

	private final SecurityProperties properties;

	private final Environment environment;

	BootstrapAdminKey(ApiKeys keys, SecurityProperties properties, Environment environment) {
		this.keys = keys;
		this.properties = properties;
		this.environment = environment;
		String configured = properties.bootstrapAdminKey();
		if (StringUtils.hasText(configured) && configured.strip().length() < MIN_LENGTH) {
			throw new IllegalStateException(
					"borderwatch.security.bootstrap-admin-key must be at least " + MIN_LENGTH + " characters long");
		}
	}

	@Override
	public void run(ApplicationArguments args) {
		String configured = this.properties.bootstrapAdminKey();
		if (StringUtils.hasText(configured)) {
			this.keys.ensure(NAME, Role.ADMIN, configured.strip())
				.ifPresent((key) -> log.info("Created the admin key '{}' from borderwatch.security.bootstrap-admin-key",
						key.name()));
			return;
		}
		if (StringUtils.hasText(this.environment.getProperty("spring.datasource.url")) || this.keys.anyExists()) {
			return;
		}
		Path file = keyFile();
		ApiKeys.Issued issued = this.keys.issue(NAME, Role.ADMIN, null);
		write(file, issued.secret());
		log.warn("""

				First start: created an admin API key. It is shown only this once and saved, readable by you \
				alone, in {}
				    {}
				Send it as 'Authorization: Bearer <key>'; create other keys with POST /api/v1/api-keys.
				""", file.toAbsolutePath().normalize(), issued.secret());
	}

	/** {@code admin-key} beside the embedded data directory. */
	private Path keyFile() {
		Path dataDir = Path.of(this.environment.getProperty("borderwatch.embedded-db.data-dir", "./data/postgres"))
			.toAbsolutePath()
			.normalize();
		Path parent = (dataDir.getParent() != null) ? dataDir.getParent() : dataDir;
		return parent.resolve("admin-key");
	}

	private static void write(Path file, String secret) {
		try {
			Files.createDirectories(file.getParent());
			Files.deleteIfExists(file);
			try {
				Files.createFile(file,
						PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
			}
			catch (UnsupportedOperationException ex) {
				// Not a POSIX file system: the file inherits its directory's permissions.
				Files.createFile(file);
			}
			Files.writeString(file, secret + "\n", StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
		}
		catch (FileAlreadyExistsException ex) {
			throw new IllegalStateException("Could not write the admin key to " + file, ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not write the admin key to " + file, ex);
		}
	}

}
