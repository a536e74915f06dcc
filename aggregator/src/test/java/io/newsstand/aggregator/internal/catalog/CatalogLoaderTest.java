package io.newsstand.aggregator.internal.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsstand.aggregator.Publisher;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CatalogLoaderTest {

	private final CatalogLoader loader = new CatalogLoader();

	private Catalog parse(String yaml) {
		return this.loader.parse("test.yml", new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
	}

	@Test
	void theDemoCatalogHasSixSamplePublishersInSeveralRegionsAndSectionsServedBySelf() {
		Catalog demo = this.loader.load("demo");
		assertThat(demo.publishers()).hasSizeGreaterThanOrEqualTo(6)
				.allSatisfy(publisher -> assertThat(publisher.name()).endsWith("(sample)"));
		assertThat(demo.publishers().stream().map(CatalogPublisher::region).distinct()).hasSizeGreaterThanOrEqualTo(2);
		assertThat(demo.feeds().stream().map(CatalogFeed::section).filter(Objects::nonNull).distinct())
				.hasSizeGreaterThanOrEqualTo(5);
		assertThat(demo.feeds()).allSatisfy(feed -> assertThat(feed.servedBySelf()).isTrue());
		assertThat(demo.publishers()).anySatisfy(publisher -> assertThat(publisher.free()).isTrue());
	}

	@Test
	void theWorldCatalogHasThirtyRealPublishersAcrossRegions() {
		Catalog world = this.loader.load("world");
		assertThat(world.publishers()).hasSizeGreaterThanOrEqualTo(30);
		assertThat(world.publishers().stream().map(CatalogPublisher::region).distinct()).hasSizeGreaterThanOrEqualTo(8);
		assertThat(world.feeds()).allSatisfy(feed -> assertThat(feed.url()).startsWith("http"));
	}

	@Test
	void aPublisherWithEveryFieldLoads() {
		Catalog catalog = parse("""
				publishers:
				  - id: daily-example
				    name: Daily Example
				    homepage: https://daily.example/
				    logo: https://daily.example/logo.png
				    region: uk
				    language: en-GB
				    free: true
				    feeds:
				      - url: https://daily.example/world.rss
				        section: World
				        min-interval: 10m
				        max-interval: 2h
				""");
		CatalogPublisher publisher = catalog.publishers().get(0);
		assertThat(publisher.region()).isEqualTo("UK");
		assertThat(publisher.free()).isTrue();
		CatalogFeed feed = publisher.feeds().get(0);
		assertThat(feed.minInterval()).isEqualTo(Duration.ofMinutes(10));
		assertThat(feed.maxInterval()).isEqualTo(Duration.ofHours(2));
		assertThat(feed.id()).isEqualTo(CatalogFeed.idFor("daily-example", "https://daily.example/world.rss"));
		assertThat(catalog.toPublishers()).containsExactly(new Publisher("daily-example", "Daily Example",
				"https://daily.example/", "https://daily.example/logo.png", "UK", "en-GB", true, List.of("World")));
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			missing name            | id: a\\n    homepage: https://a.example/\\n    region: UK\\n    language: en\\n    feeds: [{url: 'https://a.example/f'}] | publisher 'a', field 'name': required
			bad region              | id: a\\n    name: A\\n    homepage: https://a.example/\\n    region: Britain\\n    language: en\\n    feeds: [{url: 'https://a.example/f'}] | publisher 'a', field 'region'
			feed url not http       | id: a\\n    name: A\\n    homepage: https://a.example/\\n    region: UK\\n    language: en\\n    feeds: [{url: 'ftp://a.example/f'}] | publisher 'a', field 'feeds.url'
			no feeds                | id: a\\n    name: A\\n    homepage: https://a.example/\\n    region: UK\\n    language: en | publisher 'a', field 'feeds'
			unknown field           | id: a\\n    name: A\\n    homepage: https://a.example/\\n    region: UK\\n    language: en\\n    colour: red\\n    feeds: [{url: 'https://a.example/f'}] | publisher 'a', field 'colour': unknown field
			bad interval            | id: a\\n    name: A\\n    homepage: https://a.example/\\n    region: UK\\n    language: en\\n    feeds: [{url: 'https://a.example/f', min-interval: often}] | publisher 'a', field 'feeds.min-interval'
			bad id                  | id: A B\\n    name: A\\n    homepage: https://a.example/\\n    region: UK\\n    language: en\\n    feeds: [{url: 'https://a.example/f'}] | publisher 'A B', field 'id'
			""")
	void aBadCatalogNamesTheFilePublisherAndField(String name, String entry, String expected) {
		String yaml = "publishers:\n  - " + entry.replace("\\n", "\n");
		assertThatThrownBy(() -> parse(yaml)).isInstanceOf(CatalogException.class)
				.hasMessageStartingWith("Catalog test.yml").hasMessageContaining(expected);
	}

	@Test
	void duplicatePublisherIdsAreRefused() {
		String publisher = """
				  - id: a
				    name: A
				    homepage: https://a.example/
				    region: UK
				    language: en
				    feeds: [{url: 'https://a.example/f'}]
				""";
		assertThatThrownBy(() -> parse("publishers:\n" + publisher + publisher))
				.hasMessageContaining("publisher 'a', field 'id': duplicate publisher id");
	}

	@Test
	void aMissingFileOrBrokenYamlIsNamed(@TempDir Path dir) throws Exception {
		assertThatThrownBy(() -> this.loader.load(dir.resolve("none.yml").toString()))
				.isInstanceOf(CatalogException.class).hasMessageContaining("none.yml")
				.hasMessageContaining("not found");
		Path broken = dir.resolve("broken.yml");
		Files.writeString(broken, "publishers: [ {id: a, ");
		assertThatThrownBy(() -> this.loader.load(broken.toString())).isInstanceOf(CatalogException.class)
				.hasMessageContaining("broken.yml").hasMessageContaining("not valid YAML");
	}

	@Test
	void yamlTagsCannotInstantiateClasses() {
		assertThatThrownBy(() -> parse("publishers: !!java.util.ArrayList []")).isInstanceOf(CatalogException.class);
	}

}
