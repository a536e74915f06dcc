package io.newsstand;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.Violations;

/**
 * The module rules of docs/architecture.md: {@code aggregator} and
 * {@code billing} never depend on each other, and nothing reaches into another
 * module's {@code internal} package.
 */
class ModularityTests {

	@Test
	void applicationModulesFollowTheDependencyRules() {
		ApplicationModules modules = ApplicationModules.of(NewsstandApplication.class);
		assertThatCode(modules::verify).doesNotThrowAnyException();
	}

	@Test
	void aggregatorAndBillingAreIndependent() {
		ApplicationModules modules = ApplicationModules.of(NewsstandApplication.class);
		var aggregator = modules.getModuleByName("aggregator").orElseThrow();
		var billing = modules.getModuleByName("billing").orElseThrow();
		org.assertj.core.api.Assertions.assertThat(aggregator.getBootstrapDependencies(modules))
				.doesNotContain(billing);
		org.assertj.core.api.Assertions.assertThat(aggregator.getDirectDependencies(modules).contains(billing))
				.isFalse();
		org.assertj.core.api.Assertions.assertThat(billing.getDirectDependencies(modules).contains(aggregator))
				.isFalse();
	}

	@Test
	void billingAndTheStripeSandboxShareNoCode() {
		ApplicationModules modules = ApplicationModules.of(NewsstandApplication.class);
		var billing = modules.getModuleByName("billing").orElseThrow();
		var sandbox = modules.getModuleByName("stripesandbox").orElseThrow();
		org.assertj.core.api.Assertions.assertThat(billing.getDirectDependencies(modules).contains(sandbox)).isFalse();
		org.assertj.core.api.Assertions.assertThat(sandbox.getDirectDependencies(modules).contains(billing)).isFalse();
		org.assertj.core.api.Assertions
				.assertThat(modules.stream().filter(module -> module != sandbox)
						.filter(module -> module.getDirectDependencies(modules).contains(sandbox)).toList())
				.as("nothing in main code uses the sandbox").isEmpty();
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

}
