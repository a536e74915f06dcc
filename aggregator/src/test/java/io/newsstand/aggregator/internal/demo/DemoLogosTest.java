package io.newsstand.aggregator.internal.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsstand.aggregator.Publisher;
import io.newsstand.aggregator.internal.catalog.Catalog;
import io.newsstand.aggregator.internal.catalog.CatalogLoader;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class DemoLogosTest {

	private final Catalog catalog = new CatalogLoader().load("demo");

	private final DemoLogos logos = new DemoLogos(this.catalog);

	@Test
	void everyDemoPublisherHasAWordmarkThatIsValidSvgInItsColour() throws Exception {
		assertThat(this.catalog.toPublishers()).isNotEmpty().allSatisfy(publisher -> {
			assertThat(publisher.logo()).isEqualTo("/demo/logos/" + publisher.id() + ".svg");
			String svg = this.logos.svg(publisher.id()).orElseThrow();
			Document document = parse(svg);
			assertThat(document.getDocumentElement().getLocalName()).isEqualTo("svg");
			assertThat(document.getDocumentElement().getNamespaceURI()).isEqualTo("http://www.w3.org/2000/svg");
			assertThat(document.getElementsByTagNameNS("*", "script").getLength()).isZero();
			assertThat(document.getDocumentElement().getTextContent()).contains(name(publisher));
			assertThat(svg).contains("fill=\"" + DemoLogos.colour(publisher.id()) + "\"");
		});
	}

	@Test
	void eachPublisherHasItsOwnColour() {
		assertThat(this.catalog.toPublishers().stream().map(p -> DemoLogos.colour(p.id())).distinct().count())
				.isEqualTo(this.catalog.toPublishers().size());
	}

	@Test
	void onlyDemoPublishersHaveLogos() {
		assertThat(this.logos.svg("nobody")).isEmpty();
		assertThat(this.logos.svg("../../etc/passwd")).isEmpty();
	}

	private static String name(Publisher publisher) {
		return publisher.name().replace("(sample)", "").strip();
	}

	private static Document parse(String svg) {
		try {
			DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
			factory.setNamespaceAware(true);
			factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
			factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
		} catch (Exception ex) {
			throw new AssertionError("not well-formed SVG: " + svg, ex);
		}
	}

}
