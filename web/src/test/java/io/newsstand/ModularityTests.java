package io.newsstand;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.Violations;

/**
 * The module rules of docs/architecture.md: {@code aggregator} and
 * {@code billing} never depend on each other, nothing reaches into another
 * module's {@code internal} package, and each of web's feature packages is a
 * nested module that the others use only through what it exposes, with no cycle
 * between them.
 */
class ModularityTests {

	private static final ApplicationModules MODULES = ApplicationModules.of(NewsstandApplication.class);

	@Test
	void applicationModulesFollowTheDependencyRules() {
		assertThatCode(MODULES::verify).doesNotThrowAnyException();
	}

	@Test
	void aggregatorAndBillingAreIndependent() {
		var aggregator = MODULES.getModuleByName("aggregator").orElseThrow();
		var billing = MODULES.getModuleByName("billing").orElseThrow();
		assertThat(aggregator.getBootstrapDependencies(MODULES)).doesNotContain(billing);
		assertThat(aggregator.getDirectDependencies(MODULES).contains(billing)).isFalse();
		assertThat(billing.getDirectDependencies(MODULES).contains(aggregator)).isFalse();
	}

	@Test
	void billingAndTheStripeSandboxShareNoCode() {
		var billing = MODULES.getModuleByName("billing").orElseThrow();
		var sandbox = MODULES.getModuleByName("stripesandbox").orElseThrow();
		assertThat(billing.getDirectDependencies(MODULES).contains(sandbox)).isFalse();
		assertThat(sandbox.getDirectDependencies(MODULES).contains(billing)).isFalse();
		assertThat(MODULES.stream().filter(module -> module != sandbox)
				.filter(module -> module.getDirectDependencies(MODULES).contains(sandbox)).toList())
				.as("nothing in main code uses the sandbox").isEmpty();
	}

	/**
	 * A package added to web without {@code @ApplicationModule} on its package-info
	 * would escape {@code verify()}: this names it.
	 */
	@Test
	void everyWebPackageIsANestedModuleOfWeb() {
		ApplicationModule web = MODULES.getModuleByName("web").orElseThrow();
		Set<String> nested = MODULES.stream()
				.filter(module -> MODULES.getParentOf(module).filter(web::equals).isPresent())
				.map(module -> module.getBasePackage().getName()).collect(Collectors.toCollection(TreeSet::new));
		assertThat(nested).isEqualTo(webPackages());
	}

	@Test
	void verificationFailsWhenTwoModulesDependOnEachOther() {
		ApplicationModules modules = ApplicationModules.of("fixtures.modularity.cycle", location -> true);
		assertThatThrownBy(modules::verify).isInstanceOf(Violations.class).hasMessageContaining("Cycle");
	}

	@Test
	void verificationFailsWhenAModuleReachesIntoAnotherModulesInternalPackage() {
		ApplicationModules modules = ApplicationModules.of("fixtures.modularity.internals", location -> true);
		assertThatThrownBy(modules::verify).isInstanceOf(Violations.class)
				.hasMessageContaining("non-exposed type fixtures.modularity.internals.beta.internal.Hidden");
	}

	/** As web's feature packages are nested modules of web, so is cart of shop. */
	@Test
	void verificationFailsWhenANestedModuleReachesIntoASiblingsInternals() {
		ApplicationModules modules = ApplicationModules.of("fixtures.modularity.nested", location -> true);
		assertThatThrownBy(modules::verify).isInstanceOf(Violations.class)
				.hasMessageContaining("non-exposed type fixtures.modularity.nested.shop.orders.internal.Ledger")
				.message().doesNotContain("shop.orders.Orders");
	}

	@Test
	void verificationFailsWhenTwoNestedModulesDependOnEachOther() {
		ApplicationModules modules = ApplicationModules.of("fixtures.modularity.nestedcycle", location -> true);
		assertThatThrownBy(modules::verify).isInstanceOf(Violations.class).hasMessageContaining("Cycle")
				.hasMessageContaining("alpha").hasMessageContaining("beta");
	}

	private static Set<String> webPackages() {
		return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
				.importPackages("io.newsstand.web").stream().map(JavaClass::getPackageName)
				.filter(name -> name.startsWith("io.newsstand.web.")).collect(Collectors.toCollection(TreeSet::new));
	}

}
