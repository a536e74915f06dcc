package io.newsstand;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;

/**
 * {@code docs/modules.md} draws every application module, the nested web
 * modules included, with the modules it uses, from the same Spring Modulith
 * model that {@link ModularityTests} verifies; this test fails when the
 * committed drawing no longer matches the code. Modulith's {@code Documenter}
 * draws nested modules without their relationships (every web type lives in a
 * nested module, so its diagram showed five unconnected boxes), hence a Mermaid
 * graph written here. Regenerate with
 * {@code mvn -pl web -am test -Dtest=ModuleDiagramTest -Dsurefire.failIfNoSpecifiedTests=false -Dnewsstand.modules.write=true}.
 */
class ModuleDiagramTest {

	private static final Path COMMITTED = Path.of("..", "docs", "modules.md");

	@Test
	void theCommittedModuleDiagramIsCurrent() throws IOException {
		String drawn = draw(ApplicationModules.of(NewsstandApplication.class));
		if (Boolean.getBoolean("newsstand.modules.write")) {
			Files.writeString(COMMITTED, drawn);
		}
		assertThat(drawn).contains("web_reading --> web_frontpage", "web_paywall --> billing",
				"web_paywall --> aggregator");
		assertThat(drawn).doesNotContain("aggregator --> billing", "billing --> aggregator",
				"web_frontpage --> web_reading");
		assertThat(COMMITTED).as("docs/modules.md is stale: regenerate it (see this test's javadoc)").exists()
				.hasContent(drawn);
	}

	private static String draw(ApplicationModules modules) {
		List<ApplicationModule> all = modules.stream()
				.sorted(Comparator.comparing((ApplicationModule module) -> name(module))).toList();
		StringBuilder out = new StringBuilder();
		out.append("# Module map\n\n").append(
				"Written by `ModuleDiagramTest` from the Spring Modulith model that `ModularityTests` verifies:\n")
				.append("each arrow is a module that uses another (its types, beans or events). Do not edit by hand;\n")
				.append("see [architecture.md](architecture.md) for the rules.\n\n")
				.append("```mermaid\nflowchart LR\n");
		for (ApplicationModule module : all) {
			out.append("  ").append(id(name(module))).append("[\"").append(name(module)).append("\"]\n");
		}
		for (ApplicationModule module : all) {
			List<String> uses = module.getDirectDependencies(modules).uniqueModules().map(ModuleDiagramTest::name)
					.sorted().distinct().collect(Collectors.toList());
			for (String used : uses) {
				out.append("  ").append(id(name(module))).append(" --> ").append(id(used)).append('\n');
			}
		}
		return out.append("```\n").toString();
	}

	/** Mermaid node ids take no dots; the label keeps the module's name. */
	private static String id(String name) {
		return name.replace('.', '_');
	}

	private static String name(ApplicationModule module) {
		return module.getIdentifier().toString();
	}

}
