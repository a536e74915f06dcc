package io.newsstand;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.yaml.snakeyaml.Yaml;

/**
 * Each {@code newsstand.*} default lives in one place, its
 * {@code @ConfigurationProperties} record's {@code @DefaultValue}:
 * application.yml only names blank settings (secrets, addresses) as signposts,
 * and docs/configuration.md lists exactly the records' settings, with their
 * environment variables and defaults.
 */
class ConfigurationDefaultsTest {

	private static final Path ROOT = Path.of("").toAbsolutePath().getParent();

	private static final Pattern BACKTICKED = Pattern.compile("`([^`]*)`");

	/** Setting name to its record's default; null when the record gives none. */
	private static final Map<String, @Nullable String> SETTINGS = new TreeMap<>();

	/** Setting name to the record that declares it, for messages. */
	private static final Map<String, String> OWNERS = new TreeMap<>();

	/**
	 * Settings two records declare (billing and its sandbox share some) with
	 * different defaults.
	 */
	private static final List<String> DISAGREEMENTS = new ArrayList<>();

	@BeforeAll
	static void readRecords() throws ClassNotFoundException {
		var scanner = new ClassPathScanningCandidateComponentProvider(false);
		scanner.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));
		for (BeanDefinition candidate : scanner.findCandidateComponents("io.newsstand")) {
			Class<?> type = Class.forName(candidate.getBeanClassName());
			ConfigurationProperties annotation = type.getAnnotation(ConfigurationProperties.class);
			String prefix = annotation.prefix().isEmpty() ? annotation.value() : annotation.prefix();
			collect(prefix, type);
		}
	}

	@Test
	void applicationYmlGivesNoDefaultOfItsOwn() throws IOException {
		String yml = Files.readString(ROOT.resolve("web/src/main/resources/application.yml"), StandardCharsets.UTF_8);
		assertThat(ymlProblems(yml)).as("newsstand.* values in application.yml").isEmpty();
	}

	@Test
	void theYmlCheckFindsARepeatedDefaultAnOverrideAndAnUnknownSetting() {
		assertThat(SETTINGS).containsEntry("newsstand.billing.trial-days", "14")
				.containsEntry("newsstand.billing.sandbox.data-dir", "./data/stripe-sandbox")
				.containsEntry("newsstand.web.sign-in.window", "15m").containsEntry("newsstand.catalog", "demo");
		assertThat(ymlProblems("newsstand:\n  billing:\n    trial-days: 14\n"))
				.containsExactly("newsstand.billing.trial-days: repeats the default 14 of BillingProperties");
		assertThat(ymlProblems("newsstand:\n  paywall:\n    teaser-share: 0.5\n")).singleElement().asString()
				.contains("belongs in PaywallProperties");
		assertThat(ymlProblems("newsstand:\n  billing:\n    trial-dayz:\n")).singleElement().asString()
				.contains("no record has");
		assertThat(ymlProblems("newsstand:\n  billing:\n    stripe-secret-key:\n---\nspring.config.activate"
				+ ".on-profile: dev\nnewsstand.billing.trial-days: 3\n")).isEmpty();
	}

	@Test
	void recordsSharingASettingGiveItOneDefault() {
		assertThat(SETTINGS).containsEntry("newsstand.billing.require-stripe", "false")
				.containsEntry("newsstand.aggregator.polling-enabled", "true");
		assertThat(OWNERS).containsKey("newsstand.billing.stripe-secret-key");
		assertThat(DISAGREEMENTS).as("settings whose records disagree on the default").isEmpty();
	}

	@Test
	void docsListEverySettingWithItsEnvironmentVariableAndDefault() throws IOException {
		List<String> problems = new ArrayList<>();
		Map<String, String> documented = documentedDefaults(problems);
		for (var setting : SETTINGS.entrySet()) {
			String name = setting.getKey();
			String cell = documented.get(name);
			if (cell == null) {
				problems.add(name + " (" + OWNERS.get(name) + ") is not listed");
				continue;
			}
			Matcher value = BACKTICKED.matcher(cell);
			String recordDefault = setting.getValue();
			if (recordDefault == null || recordDefault.isEmpty()) {
				if (cell.startsWith("`")) {
					problems.add(name + ": documented default " + cell + " but " + OWNERS.get(name) + " has none");
				}
			} else if (!value.lookingAt() || !value.group(1).equals(recordDefault)) {
				problems.add(name + ": documented default " + cell + " but " + OWNERS.get(name) + " says `"
						+ recordDefault + "`");
			}
		}
		assertThat(problems).as("docs/configuration.md against the records").isEmpty();
	}

	@Test
	void theDocsCheckKnowsTheRelaxedEnvironmentVariable() {
		assertThat(environmentVariable("newsstand.web.sign-in.max-failures-per-account"))
				.isEqualTo("NEWSSTAND_WEB_SIGNIN_MAXFAILURESPERACCOUNT");
	}

	/**
	 * Property name to its default cell; unknown settings and wrong variables go to
	 * problems.
	 */
	private static Map<String, String> documentedDefaults(List<String> problems) throws IOException {
		Map<String, String> documented = new TreeMap<>();
		for (String line : Files.readAllLines(ROOT.resolve("docs/configuration.md"), StandardCharsets.UTF_8)) {
			if (!line.startsWith("| `newsstand.")) {
				continue;
			}
			String[] cells = line.split("\\|");
			List<String> names = backticked(cells[1]);
			List<String> variables = backticked(cells[2]);
			for (int i = 0; i < names.size(); i++) {
				String name = names.get(i);
				if (!SETTINGS.containsKey(name)) {
					problems.add(name + ": documented, but no record has it");
				}
				if (i >= variables.size() || !variables.get(i).equals(environmentVariable(name))) {
					problems.add(name + ": its environment variable is " + environmentVariable(name));
				}
				documented.put(name, cells[3].strip());
			}
		}
		return documented;
	}

	private static List<String> ymlProblems(String yml) {
		List<String> problems = new ArrayList<>();
		for (Object document : new Yaml().loadAll(yml)) {
			if (!(document instanceof Map<?, ?>)) {
				continue;
			}
			Map<String, @Nullable Object> flat = new TreeMap<>();
			flatten("", document, flat);
			if (flat.containsKey("spring.config.activate.on-profile")) {
				continue;
			}
			flat.forEach((name, value) -> {
				if (!name.startsWith("newsstand.")) {
					return;
				}
				if (!SETTINGS.containsKey(name)) {
					problems.add(name + ": no record has this setting");
				} else if (value != null && !value.toString().isBlank()) {
					problems.add(ymlValueProblem(name, value.toString()));
				}
			});
		}
		return problems;
	}

	private static String ymlValueProblem(String name, String value) {
		String recordDefault = SETTINGS.get(name);
		return value.equals(recordDefault)
				? name + ": repeats the default " + value + " of " + OWNERS.get(name)
				: name + ": sets " + value + ", a default that belongs in " + OWNERS.get(name) + "'s @DefaultValue";
	}

	@SuppressWarnings("unchecked")
	private static void flatten(String prefix, @Nullable Object node, Map<String, @Nullable Object> into) {
		if (node instanceof Map<?, ?> map) {
			((Map<Object, Object>) map).forEach((key, value) -> flatten(prefix + key + ".", value, into));
		} else {
			into.put(prefix.substring(0, prefix.length() - 1), node);
		}
	}

	private static void collect(String prefix, Class<?> record) {
		RecordComponent[] components = record.getRecordComponents();
		Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
		Parameter[] parameters;
		try {
			parameters = record.getDeclaredConstructor(types).getParameters();
		} catch (NoSuchMethodException ex) {
			throw new IllegalStateException(record + " is not a record", ex);
		}
		for (int i = 0; i < components.length; i++) {
			String name = prefix + "." + kebab(components[i].getName());
			DefaultValue defaultValue = parameters[i].getAnnotation(DefaultValue.class);
			if (types[i].isRecord() && types[i].getPackageName().startsWith("io.newsstand")) {
				collect(name, types[i]);
			} else {
				String value = (defaultValue == null) ? null : String.join(",", defaultValue.value());
				if (SETTINGS.containsKey(name) && !Objects.equals(SETTINGS.get(name), value)) {
					DISAGREEMENTS.add(name + ": " + OWNERS.get(name) + " says " + SETTINGS.get(name) + ", "
							+ record.getSimpleName() + " says " + value);
				}
				SETTINGS.put(name, value);
				OWNERS.put(name, record.getSimpleName());
			}
		}
	}

	private static String kebab(String camel) {
		return camel.replaceAll("([A-Z])", "-$1").toLowerCase();
	}

	private static String environmentVariable(String name) {
		return name.toUpperCase().replace('.', '_').replace("-", "");
	}

	private static List<String> backticked(String cell) {
		List<String> values = new ArrayList<>();
		Matcher matcher = BACKTICKED.matcher(cell);
		while (matcher.find()) {
			values.add(matcher.group(1));
		}
		return values;
	}

}
