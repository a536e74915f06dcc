package io.newsstand;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/architecture.md lists the web's nested modules one by one; its "uses"
 * column must say what the generated docs/modules.md draws, and every web
 * module of the map must have its row.
 */
class ArchitectureModulesTest {

	private static final Path ROOT = Path.of("").toAbsolutePath().getParent();

	private static final Pattern ARROW = Pattern.compile("^\\s+(\\w+) --> (\\w+)$", Pattern.MULTILINE);

	private static final Pattern NODE = Pattern.compile("^\\s+(web_\\w+)\\[", Pattern.MULTILINE);

	private static final Pattern ROW = Pattern.compile("^\\| `(web\\.\\w+)` \\|[^|]*\\|([^|]*)\\|$", Pattern.MULTILINE);

	private static final Pattern BACKTICKED = Pattern.compile("`([^`]+)`");

	@Test
	void theModuleListFollowsTheGeneratedMap() throws IOException {
		assertThat(listed(read("docs/architecture.md"))).isEqualTo(drawn(read("docs/modules.md")));
	}

	@Test
	void aMissingUseOrAMissingModuleIsSeen() {
		String map = "  web_a[\"web.a\"]\n  web_b[\"web.b\"]\n  web_a --> web_b\n  web_a --> billing\n";
		assertThat(drawn(map)).containsEntry("web.a", Set.of("web.b", "billing")).containsEntry("web.b", Set.of());
		assertThat(listed("| `web.a` | a | `billing` |\n")).isNotEqualTo(drawn(map));
		assertThat(listed("| `web.a` | a | `web.b`, `billing` |\n| `web.b` | b | nothing of ours |\n"))
				.isEqualTo(drawn(map));
	}

	private static String read(String file) throws IOException {
		return Files.readString(ROOT.resolve(file), StandardCharsets.UTF_8);
	}

	/** Web module to the modules it uses, from the mermaid map. */
	private static Map<String, Set<String>> drawn(String map) {
		Map<String, Set<String>> uses = new TreeMap<>();
		Matcher node = NODE.matcher(map);
		while (node.find()) {
			uses.put(name(node.group(1)), new TreeSet<>());
		}
		Matcher arrow = ARROW.matcher(map);
		while (arrow.find()) {
			if (arrow.group(1).startsWith("web_")) {
				uses.computeIfAbsent(name(arrow.group(1)), key -> new TreeSet<>()).add(name(arrow.group(2)));
			}
		}
		return uses;
	}

	/** Web module to the modules its row says it uses. */
	private static Map<String, Set<String>> listed(String doc) {
		Map<String, Set<String>> uses = new TreeMap<>();
		Matcher row = ROW.matcher(doc);
		while (row.find()) {
			Set<String> used = new TreeSet<>();
			Matcher module = BACKTICKED.matcher(row.group(2));
			while (module.find()) {
				used.add(module.group(1));
			}
			uses.put(row.group(1), used);
		}
		return uses;
	}

	private static String name(String node) {
		return node.startsWith("web_") ? "web." + node.substring(4) : node;
	}

}
