package org.borderwatch;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import jakarta.persistence.Entity;

import org.springframework.data.repository.Repository;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The layering of the top-level packages, checked on every build. Each package of
 * {@code org.borderwatch} falls in one of these groups:
 * <ul>
 * <li><b>Infrastructure</b> ({@link #INFRASTRUCTURE}): what every other package may use
 * (problem details, paging, server and database setup, the export formats, security). It
 * depends on no feature, read model or entry point. {@code common} depends on nothing
 * else of the project.</li>
 * <li><b>Registries</b> ({@link #REGISTRIES}): actors and sources, which every feature
 * references.</li>
 * <li><b>Features</b> ({@link #FEATURES}, registries included): each depends only on
 * itself, the infrastructure and the registries. Features refer to each other's records
 * by id and SQL, not by types.</li>
 * <li><b>Entry points</b> ({@link #ENTRY_POINTS}): loaders and deliveries (demo data,
 * dataset imports, live streams, webhooks) that may use any other package; nothing
 * depends on them.</li>
 * <li><b>Read models</b>: every other package (timeline, situation, stats, history, and a
 * package added later unless it is listed above). They may depend on features and
 * infrastructure; features and infrastructure never depend on them.</li>
 * </ul>
 * Across all packages: no cycles; entities and repositories are package-private, so a
 * feature's storage stays its own.
 */
@AnalyzeClasses(packages = "org.borderwatch", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

	static final List<String> INFRASTRUCTURE = List.of("common", "config", "export", "security");

	static final List<String> REGISTRIES = List.of("actor", "source");

	static final List<String> FEATURES = List.of("actor", "source", "incident", "ceasefire", "talks", "crossing");

	static final List<String> ENTRY_POINTS = List.of("demo", "importing", "live", "webhook");

	/**
	 * Dependencies that break a rule and are kept on purpose until their owner moves
	 * them, each with the reason. Add none without one.
	 */
	static final Set<String> FROZEN = Set.of(
			// The problem-details advice maps an aborted export to its answer; the
			// handler moves to export when the advice is split into its parts.
			"org.borderwatch.common.ProblemDetailsAdvice -> org.borderwatch.export.ExportAbortedException");

	private static final String ROOT = "org.borderwatch.";

	@ArchTest
	static final ArchRule featuresDependOnlyOnThemselvesInfrastructureAndRegistries = classes().that()
		.resideInAnyPackage(packages(FEATURES))
		.should(dependOnlyOnProjectPackages("their own package, the infrastructure and the registries",
				(own) -> union(List.of(own), INFRASTRUCTURE, REGISTRIES)));

	@ArchTest
	static final ArchRule infrastructureDependsOnlyOnInfrastructure = classes().that()
		.resideInAnyPackage(packages(INFRASTRUCTURE))
		.should(dependOnlyOnProjectPackages("the infrastructure", (own) -> new HashSet<>(INFRASTRUCTURE)));

	@ArchTest
	static final ArchRule commonDependsOnNothingElseOfTheProject = classes().that()
		.resideInAPackage(ROOT + "common..")
		.should(dependOnlyOnProjectPackages("common itself", (own) -> Set.of("common")));

	@ArchTest
	static final ArchRule nothingDependsOnEntryPoints = noClasses().that()
		.resideOutsideOfPackages(packages(ENTRY_POINTS))
		// the application's main method chooses between the service and the import
		// command
		.and()
		.doNotHaveFullyQualifiedName(ROOT + "BorderwatchApplication")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage(packages(ENTRY_POINTS));

	@ArchTest
	static final ArchRule noCycles = slices().matching(ROOT + "(*)..").should().beFreeOfCycles();

	@ArchTest
	static final ArchRule entitiesArePackagePrivate = classes().that()
		.areAnnotatedWith(Entity.class)
		.should()
		.notBePublic()
		.because("a feature's storage is its own; other packages go through its service");

	@ArchTest
	static final ArchRule repositoriesArePackagePrivate = classes().that()
		.areAssignableTo(Repository.class)
		.should()
		.notBePublic()
		.because("a feature's storage is its own; other packages go through its service");

	private static String[] packages(List<String> names) {
		return names.stream().map((name) -> ROOT + name + "..").toArray(String[]::new);
	}

	@SafeVarargs
	private static Set<String> union(List<String>... lists) {
		Set<String> all = new HashSet<>();
		Arrays.stream(lists).forEach(all::addAll);
		return all;
	}

	/** The top-level package under {@code org.borderwatch}, "" for the root. */
	private static String topLevel(JavaClass javaClass) {
		String name = javaClass.getPackageName();
		if (!name.startsWith(ROOT)) {
			return "";
		}
		String rest = name.substring(ROOT.length());
		int dot = rest.indexOf('.');
		return (dot < 0) ? rest : rest.substring(0, dot);
	}

	private static boolean inProject(JavaClass javaClass) {
		return javaClass.getPackageName().startsWith(ROOT) || javaClass.getPackageName().equals("org.borderwatch");
	}

	private static ArchCondition<JavaClass> dependOnlyOnProjectPackages(String what,
			java.util.function.Function<String, Set<String>> allowed) {
		return new ArchCondition<>("depend only on " + what + " among the project's packages") {
			@Override
			public void check(JavaClass origin, ConditionEvents events) {
				String own = topLevel(origin);
				Set<String> permitted = allowed.apply(own);
				for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
					JavaClass target = dependency.getTargetClass().getBaseComponentType();
					if (!inProject(target) || permitted.contains(topLevel(target))) {
						continue;
					}
					String edge = origin.getName().replaceAll("\\$.*", "") + " -> "
							+ target.getName().replaceAll("\\$.*", "");
					if (!FROZEN.contains(edge)) {
						events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
					}
				}
			}
		};
	}

}
