package io.newsstand.aggregator.internal.catalog;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.jsoup.nodes.Entities;
import org.jspecify.annotations.Nullable;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * OPML 2.0 export of a catalog, and import of an OPML subscription list into
 * catalog YAML for an operator to review (region and language cannot come from
 * OPML, so they are marked for checking).
 */
public final class Opml {

	private Opml() {
	}

	public static String export(Catalog catalog) {
		StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<opml version=\"2.0\">\n")
				.append("<head><title>Newsstand catalog ").append(esc(catalog.source()))
				.append("</title></head>\n<body>\n");
		for (CatalogPublisher publisher : catalog.publishers()) {
			xml.append("  <outline text=\"").append(esc(publisher.name())).append("\">\n");
			for (CatalogFeed feed : publisher.feeds()) {
				String title = publisher.name() + (feed.section() == null ? "" : " - " + feed.section());
				xml.append("    <outline type=\"rss\" text=\"").append(esc(title)).append("\" title=\"")
						.append(esc(title)).append("\" xmlUrl=\"").append(esc(feed.url())).append("\" htmlUrl=\"")
						.append(esc(publisher.homepage())).append('"');
				if (feed.section() != null) {
					xml.append(" category=\"").append(esc(feed.section())).append('"');
				}
				xml.append("/>\n");
			}
			xml.append("  </outline>\n");
		}
		return xml.append("</body>\n</opml>\n").toString();
	}

	/**
	 * @throws IllegalArgumentException
	 *             when the bytes are not OPML with at least one feed outline
	 */
	public static String toCatalogYaml(byte[] opml) {
		Document document = parse(opml);
		NodeList outlines = document.getElementsByTagName("outline");
		Map<String, StringBuilder> publishers = new LinkedHashMap<>();
		for (int i = 0; i < outlines.getLength(); i++) {
			Element outline = (Element) outlines.item(i);
			String xmlUrl = outline.getAttribute("xmlUrl").strip();
			if (xmlUrl.isEmpty() || !(xmlUrl.startsWith("http://") || xmlUrl.startsWith("https://"))) {
				continue;
			}
			String htmlUrl = outline.getAttribute("htmlUrl").strip();
			String homepage = htmlUrl.startsWith("http") ? htmlUrl : origin(xmlUrl);
			String name = firstNonBlank(outline.getAttribute("title"), outline.getAttribute("text"), homepage);
			String section = firstNonBlank(outline.getAttribute("category"),
					outline.getParentNode() instanceof Element parent && parent.getTagName().equals("outline")
							? parent.getAttribute("text")
							: null,
					null);
			String id = slug(host(homepage));
			StringBuilder yaml = publishers.computeIfAbsent(id,
					key -> new StringBuilder().append("  - id: ").append(key).append("\n    name: ").append(quote(name))
							.append("\n    homepage: ").append(quote(homepage))
							.append("\n    region: US        # check: OPML has no edition\n")
							.append("    language: en      # check: OPML has no language\n    feeds:\n"));
			yaml.append("      - url: ").append(quote(xmlUrl)).append('\n');
			if (section != null) {
				yaml.append("        section: ").append(quote(section)).append('\n');
			}
		}
		if (publishers.isEmpty()) {
			throw new IllegalArgumentException("the OPML has no outline with an http(s) xmlUrl");
		}
		StringBuilder out = new StringBuilder(
				"# Imported from OPML: check each publisher's region and language (docs/catalog.md).\npublishers:\n");
		publishers.values().forEach(out::append);
		return out.toString();
	}

	private static Document parse(byte[] opml) {
		try {
			DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
			factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
			factory.setXIncludeAware(false);
			factory.setExpandEntityReferences(false);
			DocumentBuilder builder = factory.newDocumentBuilder();
			builder.setErrorHandler(null);
			Document document = builder.parse(new ByteArrayInputStream(opml));
			if (!document.getDocumentElement().getTagName().equalsIgnoreCase("opml")) {
				throw new IllegalArgumentException(
						"not OPML: the root element is <" + document.getDocumentElement().getTagName() + ">");
			}
			return document;
		} catch (SAXException | IOException ex) {
			throw new IllegalArgumentException("not readable OPML: " + ex.getMessage(), ex);
		} catch (ParserConfigurationException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String origin(String url) {
		URI uri = URI.create(url);
		return uri.getScheme() + "://" + uri.getRawAuthority() + "/";
	}

	private static String host(String url) {
		try {
			String host = URI.create(url).getHost();
			return host == null ? url : host.replaceFirst("^www\\.", "");
		} catch (IllegalArgumentException ex) {
			return url;
		}
	}

	private static String slug(String text) {
		String slug = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
		return slug.isEmpty() ? "publisher" : slug.length() > 60 ? slug.substring(0, 60) : slug;
	}

	private static String firstNonBlank(@Nullable String a, @Nullable String b, @Nullable String c) {
		for (String value : new String[]{a, b, c}) {
			if (value != null && !value.isBlank()) {
				return value.strip();
			}
		}
		return c;
	}

	private static String quote(String value) {
		return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
	}

	private static String esc(String text) {
		return Entities.escape(text);
	}

}
