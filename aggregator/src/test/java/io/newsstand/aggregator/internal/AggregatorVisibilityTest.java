package io.newsstand.aggregator.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Package-private by default (docs/architecture.md): a top-level type in the
 * aggregator's {@code internal} packages is public only when main code of
 * another package uses it. Each package wires its own parts in a
 * package-private configuration, so nothing is public for the wiring's sake;
 * tests that need a package's internals live in that package.
 */
class AggregatorVisibilityTest {

	/**
	 * Public only for tests of other packages (a poll test builds a fetcher, a
	 * cluster test renders the demo feeds, demo and poll tests clean feed text);
	 * each is to go when its test moves behind its package's API.
	 */
	private static final List<String> FOR_OTHER_PACKAGES_TESTS = List.of(
			"io.newsstand.aggregator.internal.demo.DemoFeeds", "io.newsstand.aggregator.internal.fetch.FetchSettings",
			"io.newsstand.aggregator.internal.parse.FeedCharset", "io.newsstand.aggregator.internal.parse.XmlCleaner");

	@Test
	void internalTypesArePublicOnlyWhenAnotherPackageUsesThem() {
		JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
				.importPackages("io.newsstand.aggregator");
		List<String> needless = publicWithoutOutsideUse(classes, "io.newsstand.aggregator.internal");
		assertThat(classes.contain(AggregatorConfiguration.class)).isTrue();
		assertThat(needless).as("public internal types that no other package uses")
				.containsExactlyElementsOf(FOR_OTHER_PACKAGES_TESTS);
	}

	@Test
	void theRuleNamesATypePublicForItsOwnPackageOnly() {
		JavaClasses fixtures = new ClassFileImporter().importPackages("fixtures.visibility");
		assertThat(publicWithoutOutsideUse(fixtures, "fixtures.visibility"))
				.containsExactly("fixtures.visibility.alpha.Lonely");
	}

	static List<String> publicWithoutOutsideUse(JavaClasses classes, String packagePrefix) {
		return classes.stream()
				.filter(type -> type.getPackageName().startsWith(packagePrefix) && type.getEnclosingClass().isEmpty()
						&& type.getModifiers().contains(JavaModifier.PUBLIC))
				.filter(type -> type.getDirectDependenciesToSelf().stream().noneMatch(use -> fromElsewhere(type, use)))
				.map(JavaClass::getName).sorted().toList();
	}

	private static boolean fromElsewhere(JavaClass type, Dependency use) {
		return !use.getOriginClass().getPackageName().equals(type.getPackageName());
	}

}
