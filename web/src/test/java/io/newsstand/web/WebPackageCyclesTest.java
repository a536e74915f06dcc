package io.newsstand.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The feature packages of {@code web} form no cycle, so a newcomer can read one
 * package knowing only the packages below it. Spring Modulith sees {@code web}
 * as one module and does not look inside, hence this check on the package graph
 * (ArchUnit's import, the same Modulith uses).
 */
class WebPackageCyclesTest {

	private static final String WEB = "io.newsstand.web.";

	@Test
	void webPackagesFormNoCycle() {
		JavaClasses web = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
				.importPackages("io.newsstand.web");
		assertThat(cycles(graph(web, WEB))).as("package cycles inside web").isEmpty();
	}

	@Test
	void theCheckFindsACycle() {
		JavaClasses fixture = new ClassFileImporter().importPackages("fixtures.modularity.cycle");
		assertThat(cycles(graph(fixture, "fixtures.modularity.cycle."))).containsExactly(Set.of("alpha", "beta"));
	}

	/** Package (first segment under the prefix) to the packages it depends on. */
	private static Map<String, Set<String>> graph(JavaClasses classes, String prefix) {
		Map<String, Set<String>> graph = new TreeMap<>();
		for (JavaClass type : classes) {
			String from = slice(type, prefix);
			if (from == null) {
				continue;
			}
			Set<String> targets = graph.computeIfAbsent(from, (name) -> new TreeSet<>());
			for (Dependency dependency : type.getDirectDependenciesFromSelf()) {
				String to = slice(dependency.getTargetClass(), prefix);
				if (to != null && !to.equals(from)) {
					targets.add(to);
				}
			}
		}
		return graph;
	}

	private static String slice(JavaClass type, String prefix) {
		String name = type.getPackageName() + ".";
		if (!name.startsWith(prefix) || name.length() == prefix.length()) {
			return null;
		}
		String rest = name.substring(prefix.length());
		return rest.substring(0, rest.indexOf('.'));
	}

	/** The strongly connected components with more than one package. */
	private static List<Set<String>> cycles(Map<String, Set<String>> graph) {
		List<Set<String>> cycles = new ArrayList<>();
		Set<String> done = new HashSet<>();
		for (String start : graph.keySet()) {
			if (done.contains(start)) {
				continue;
			}
			Set<String> component = new TreeSet<>();
			for (String other : reachable(graph, start)) {
				if (reachable(graph, other).contains(start)) {
					component.add(other);
				}
			}
			done.addAll(component);
			if (component.size() > 1) {
				cycles.add(component);
			}
		}
		return cycles;
	}

	private static Set<String> reachable(Map<String, Set<String>> graph, String from) {
		Set<String> seen = new HashSet<>(Set.of(from));
		Deque<String> todo = new ArrayDeque<>(List.of(from));
		while (!todo.isEmpty()) {
			for (String next : graph.getOrDefault(todo.pop(), Set.of())) {
				if (seen.add(next)) {
					todo.push(next);
				}
			}
		}
		return seen;
	}

}
