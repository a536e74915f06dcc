package io.newsstand.aggregator.internal.parse;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.function.Function;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.JDOMException;
import org.jdom2.Namespace;
import org.jdom2.input.SAXBuilder;
import org.jdom2.input.sax.XMLReaders;
import org.jspecify.annotations.Nullable;
import org.xml.sax.InputSource;

/**
 * The XML tree Rome parses, built and prepared before Rome sees it (see
 * {@link RomeFeedParser}): built with Rome's parser settings, the item dates of
 * RSS 2.0 and Atom 1.0 taken out (to be parsed without Rome's slow date parser
 * where possible, and put back into Rome's model), and the {@code xml:base} in
 * scope of each item's content read, which Rome applies to links but not to
 * content.
 */
final class FeedTree {

	private static final Namespace DC = Namespace.getNamespace("http://purl.org/dc/elements/1.1/");

	private static final Namespace ATOM = Namespace.getNamespace("http://www.w3.org/2005/Atom");

	private static final Namespace CONTENT = Namespace.getNamespace("http://purl.org/rss/1.0/modules/content/");

	/**
	 * One builder per thread, kept: a builder is not thread-safe, and creating and
	 * configuring its XML parser cost more than parsing a small document.
	 */
	private static final ThreadLocal<SAXBuilder> SAX_BUILDERS = ThreadLocal.withInitial(FeedTree::saxBuilder);

	/** The settings of Rome's own {@code WireFeedInput}: no DTD, no entities. */
	private static SAXBuilder saxBuilder() {
		SAXBuilder builder = new SAXBuilder(XMLReaders.NONVALIDATING);
		builder.setEntityResolver((publicId, systemId) -> new InputSource(new StringReader("")));
		builder.setFeature("http://xml.org/sax/features/external-general-entities", false);
		builder.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
		builder.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
		builder.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
		builder.setExpandEntities(false);
		builder.setReuseParser(true);
		return builder;
	}

	private FeedTree() {
	}

	static Document build(String xml) throws JDOMException, IOException {
		return SAX_BUILDERS.get().build(new StringReader(xml));
	}

	/**
	 * What was taken out of the tree before Rome parsed it, per item in document
	 * order, and each item's {@code xml:base}.
	 */
	record Prepared(String format, @Nullable Date feedPublished, @Nullable Date feedUpdated, List<ItemDates> items,
			List<@Nullable String> bases) {
	}

	record ItemDates(@Nullable Date published, @Nullable Date updated, @Nullable List<@Nullable Date> dc) {
	}

	/**
	 * Takes the dates out of RSS 2.0 and Atom 1.0 items, each parsed by
	 * {@code parseDate}, and reads each item's xml:base, for RSS, RDF and Atom of
	 * every version.
	 */
	static Prepared prepare(Document document, Function<String, @Nullable Date> parseDate) {
		Element root = document.getRootElement();
		Namespace namespace = root.getNamespace();
		List<ItemDates> dates = new ArrayList<>();
		List<@Nullable String> bases = new ArrayList<>();
		switch (root.getName()) {
			case "rss" -> {
				Element channel = root.getChild("channel", namespace);
				if (channel == null) {
					break;
				}
				boolean rss20 = namespace == Namespace.NO_NAMESPACE && "2.0".equals(root.getAttributeValue("version"));
				Date published = rss20 ? takeDate(channel, "pubDate", namespace, parseDate) : null;
				Date updated = rss20 ? takeDate(channel, "lastBuildDate", namespace, parseDate) : null;
				for (Element item : channel.getChildren("item", namespace)) {
					if (rss20) {
						dates.add(new ItemDates(takeDate(item, "pubDate", namespace, parseDate), null,
								takeDcDates(item, parseDate)));
					}
					bases.add(rssBase(item));
				}
				return new Prepared(rss20 ? "rss" : "", published, updated, dates, bases);
			}
			case "RDF" -> {
				for (Element child : root.getChildren()) {
					if (child.getName().equals("item")) {
						bases.add(rssBase(child));
					}
				}
			}
			case "feed" -> {
				boolean atom10 = namespace.equals(ATOM);
				Date updated = atom10 ? takeDate(root, "updated", ATOM, parseDate) : null;
				for (Element entry : root.getChildren("entry", namespace)) {
					if (atom10) {
						dates.add(new ItemDates(takeDate(entry, "published", ATOM, parseDate),
								takeDate(entry, "updated", ATOM, parseDate), takeDcDates(entry, parseDate)));
					}
					Element content = entry.getChild("content", namespace);
					bases.add(xmlBase(content != null ? content : entry.getChild("summary", namespace)));
				}
				return new Prepared(atom10 ? "atom" : "", null, updated, dates, bases);
			}
			default -> {
			}
		}
		return new Prepared("", null, null, List.of(), bases);
	}

	private static @Nullable String rssBase(Element item) {
		Element content = item.getChild("encoded", CONTENT);
		return xmlBase(content != null ? content : item.getChild("description", item.getNamespace()));
	}

	private static @Nullable Date takeDate(Element parent, String name, Namespace namespace,
			Function<String, @Nullable Date> parseDate) {
		Element element = parent.getChild(name, namespace);
		if (element == null) {
			return null;
		}
		element.detach();
		return parseDate.apply(element.getText());
	}

	private static @Nullable List<@Nullable Date> takeDcDates(Element parent,
			Function<String, @Nullable Date> parseDate) {
		List<Element> elements = parent.getChildren("date", DC);
		if (elements.isEmpty()) {
			return null;
		}
		List<@Nullable Date> dates = new ArrayList<>(elements.size());
		for (Element element : List.copyOf(elements)) {
			dates.add(parseDate.apply(element.getText()));
			element.detach();
		}
		return dates;
	}

	/**
	 * The xml:base in scope of an element: every xml:base from the root down, each
	 * resolved against the one outside it. May be relative (to the feed's URL).
	 */
	static @Nullable String xmlBase(@Nullable Element element) {
		List<String> bases = new ArrayList<>();
		for (Element current = element; current != null; current = current.getParentElement()) {
			String base = current.getAttributeValue("base", Namespace.XML_NAMESPACE);
			if (base != null && !base.isBlank()) {
				bases.add(base.strip());
			}
		}
		String resolved = null;
		for (int i = bases.size() - 1; i >= 0; i--) {
			String next = resolved == null ? bases.get(i) : Urls.resolve(resolved, bases.get(i));
			// A base of another scheme (javascript:, data:) is ignored, as feedparser does.
			if (Urls.isHttpOrRelative(next)) {
				resolved = next;
			}
		}
		return resolved;
	}

}
