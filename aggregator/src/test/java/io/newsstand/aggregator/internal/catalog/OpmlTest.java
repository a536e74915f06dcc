package io.newsstand.aggregator.internal.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class OpmlTest {

	private final CatalogLoader loader = new CatalogLoader();

	@Test
	void theExportedWorldCatalogImportsBackIntoAValidCatalogWithTheSameFeeds() {
		Catalog world = this.loader.load("world");
		String opml = Opml.export(world);
		assertThat(opml).startsWith("<?xml").contains("<opml version=\"2.0\">")
				.contains("xmlUrl=\"https://www.theguardian.com/world/rss\"");
		String yaml = Opml.toCatalogYaml(opml.getBytes(StandardCharsets.UTF_8));
		Catalog imported = this.loader.parse("imported.yml",
				new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
		assertThat(imported.feeds()).extracting(CatalogFeed::url)
				.containsExactlyInAnyOrderElementsOf(world.feeds().stream().map(CatalogFeed::url).toList());
		assertThat(imported.publisher("theguardian-com")).hasValueSatisfying(publisher -> {
			assertThat(publisher.homepage()).isEqualTo("https://www.theguardian.com");
			assertThat(publisher.feeds()).extracting(CatalogFeed::section).contains("World", "Sport");
		});
	}

	@Test
	void categoriesFromParentOutlinesBecomeSections() {
		String opml = """
				<opml version="1.0"><body><outline text="Tech">
				<outline text="Example Blog" type="rss" xmlUrl="https://blog.example.org/feed.xml"/>
				</outline></body></opml>""";
		String yaml = Opml.toCatalogYaml(opml.getBytes(StandardCharsets.UTF_8));
		assertThat(yaml).contains("id: blog-example-org").contains("name: \"Example Blog\"")
				.contains("homepage: \"https://blog.example.org/\"").contains("section: \"Tech\"");
	}

	@Test
	void opmlWithADoctypeIsRefused() {
		String xxe = "<?xml version=\"1.0\"?><!DOCTYPE opml [<!ENTITY x SYSTEM \"file:///etc/hostname\">]>"
				+ "<opml><body><outline text=\"&x;\" xmlUrl=\"https://a.example/f\"/></body></opml>";
		assertThatThrownBy(() -> Opml.toCatalogYaml(xxe.getBytes(StandardCharsets.UTF_8)))
				.isInstanceOf(IllegalArgumentException.class).hasMessageContaining("DOCTYPE");
	}

	@Test
	void somethingElseThanOpmlIsRefusedWithAReason() {
		assertThatThrownBy(() -> Opml.toCatalogYaml("<rss/>".getBytes(StandardCharsets.UTF_8)))
				.hasMessageContaining("root element is <rss>");
		assertThatThrownBy(() -> Opml.toCatalogYaml("<opml><body/></opml>".getBytes(StandardCharsets.UTF_8)))
				.hasMessageContaining("no outline");
	}

}
