package io.newsstand.aggregator.internal.parse;

import io.newsstand.aggregator.VideoHosts;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.safety.Safelist;
import org.jspecify.annotations.Nullable;

/**
 * Cleans untrusted article HTML with an allow-list: text structure, links,
 * images, tables, figures, and iframes only from known video hosts. No script,
 * style, forms, event handlers or {@code javascript:}/{@code data:} URLs.
 * Relative URLs are resolved against the item's base (or dropped when there is
 * none); links get {@code rel="nofollow noopener noreferrer"}, images and
 * iframes {@code loading="lazy"}.
 * <p>
 * The fragment is parsed once and cleaned in place, with the semantics of
 * jsoup's {@code Cleaner} over the same {@link Safelist}: an element whose tag
 * is not allowed is replaced by its children (text is kept; the data of script
 * and style is not), comments go, attributes not allowed go, and URL attributes
 * keep only the allowed protocols after resolving. An iframe keeps no children:
 * what the parser put in it (an unclosed {@code <iframe/>} swallows the rest of
 * the article) is parsed again and placed after it. The Cleaner copies the
 * whole tree and resolves every URL through a regular expression, which made it
 * the largest cost of parsing a feed (docs/performance.md).
 */
public final class HtmlSanitizer {

	static final Safelist SAFELIST = Safelist.relaxed()
			.addTags("figure", "figcaption", "picture", "hr", "abbr", "time", "mark", "s", "del", "ins", "iframe")
			.addAttributes("abbr", "title").addAttributes("time", "datetime")
			.addAttributes("iframe", "src", "width", "height", "title", "allowfullscreen")
			.addProtocols("iframe", "src", "https").addAttributes("img", "srcset").removeProtocols("a", "href", "ftp");

	/**
	 * The URL attributes of {@link #SAFELIST} and their protocols, checked here
	 * without jsoup's regex-based resolving. Every other attribute goes through
	 * {@link Safelist#isSafeAttribute}; {@code HtmlSanitizerTest} checks that this
	 * table agrees with the safelist.
	 */
	static final Map<String, Map<String, List<String>>> URL_ATTRIBUTES = Map.of("a",
			Map.of("href", List.of("http", "https", "mailto")), "img", Map.of("src", List.of("http", "https")),
			"iframe", Map.of("src", List.of("https")), "blockquote", Map.of("cite", List.of("http", "https")), "q",
			Map.of("cite", List.of("http", "https")));

	/** Sanitises an HTML fragment; relative URLs resolve against {@code base}. */
	public Document clean(String html, @Nullable String base) {
		Document document = Jsoup.parseBodyFragment(html, base == null ? "" : base);
		document.outputSettings().prettyPrint(false);
		Element body = document.body();
		URL baseUrl = SafeUrls.baseUrl(base);
		Node node = body.childNodeSize() == 0 ? null : body.childNode(0);
		while (node != null) {
			node = visit(node, body, baseUrl);
		}
		return document;
	}

	/** The sanitised HTML of a fragment. */
	public String sanitize(String html, @Nullable String base) {
		return clean(html, base).body().html();
	}

	/** Cleans one node and returns the next node to visit, in document order. */
	private static @Nullable Node visit(Node node, Element root, @Nullable URL base) {
		if (node instanceof Element element) {
			if (!SAFELIST.isSafeTag(element.normalName())) {
				// Replaced by its children, which are visited next; the data of a script or
				// style (not text) goes with it.
				for (int i = element.childNodeSize() - 1; i >= 0; i--) {
					if (element.childNode(i) instanceof DataNode) {
						element.childNode(i).remove();
					}
				}
				Node after = following(element, root);
				Node first = element.unwrap();
				return first != null ? first : after;
			}
			if (element.nameIs("iframe") && element.childNodeSize() > 0) {
				liftFallback(element, base);
			}
			if (!cleanAttributes(element, base)) {
				Node after = following(element, root);
				element.remove();
				return after;
			}
			return element.childNodeSize() > 0 ? element.childNode(0) : following(element, root);
		}
		Node after = following(node, root);
		if (node instanceof TextNode text) {
			if (text.getClass() != TextNode.class) {
				// CDATA (from SVG or MathML) would be written out unescaped.
				text.replaceWith(new TextNode(text.getWholeText()));
			}
		} else {
			// Comments, doctypes, XML declarations; raw data only ever sat in an
			// iframe, whose content is lifted out before this.
			node.remove();
		}
		return after;
	}

	/**
	 * An iframe keeps no children. Its content is raw text to the parser, and an
	 * unclosed {@code <iframe …/>} (not self-closing in HTML) turns the rest of the
	 * article into it: that markup is parsed again and put after the iframe, where
	 * it is cleaned like the rest, so the article keeps its paragraphs and no
	 * element hides text that a teaser could carry past its cut.
	 */
	private static void liftFallback(Element iframe, @Nullable URL base) {
		StringBuilder raw = new StringBuilder();
		for (Node child : iframe.childNodes()) {
			if (child instanceof DataNode data) {
				raw.append(data.getWholeData());
			} else if (child instanceof TextNode text) {
				raw.append(text.getWholeText());
			}
		}
		iframe.empty();
		Element parent = iframe.parent();
		if (parent == null || raw.toString().isBlank()) {
			return;
		}
		List<Node> lifted = new ArrayList<>(
				Jsoup.parseBodyFragment(raw.toString(), base == null ? "" : base.toExternalForm()).body().childNodes());
		parent.insertChildren(iframe.siblingIndex() + 1, lifted);
	}

	private static @Nullable Node following(Node node, Element root) {
		Node current = node;
		while (current != null && current != root) {
			Node next = current.nextSibling();
			if (next != null) {
				return next;
			}
			current = current.parentNode();
		}
		return null;
	}

	/**
	 * Drops the attributes the safelist does not allow and adds ours.
	 *
	 * @return false when the element itself must go
	 */
	private static boolean cleanAttributes(Element element, @Nullable URL base) {
		String tag = element.normalName();
		if (element.attributesSize() > 0) {
			Map<String, List<String>> urlAttributes = URL_ATTRIBUTES.get(tag);
			List<String> removed = null;
			for (Attribute attribute : element.attributes()) {
				String key = attribute.getKey();
				List<String> protocols = urlAttributes == null ? null : urlAttributes.get(key);
				boolean safe;
				if (protocols != null) {
					String url = SafeUrls.resolve(base, attribute.getValue());
					safe = url != null && SafeUrls.hasProtocol(url, protocols);
					if (safe) {
						attribute.setValue(url);
					}
				} else {
					safe = SAFELIST.isSafeAttribute(tag, element, attribute);
				}
				if (safe && attribute.getValue().isEmpty()) {
					// A valueless attribute is written out as alt="", as a copied one was.
					attribute.setValue("");
				} else if (!safe) {
					if (removed == null) {
						removed = new ArrayList<>(4);
					}
					removed.add(key);
				}
			}
			if (removed != null) {
				removed.forEach(element::removeAttr);
			}
		}
		switch (tag) {
			case "iframe" -> {
				if (!VideoHosts.allows(element.attr("src"))) {
					return false;
				}
				element.attr("loading", "lazy");
				element.attr("sandbox", "allow-scripts allow-same-origin allow-presentation");
			}
			case "img" -> {
				if (element.attr("src").isEmpty()) {
					return false;
				}
				element.attr("loading", "lazy");
				if (element.hasAttr("srcset")
						&& element.attr("srcset").toLowerCase(Locale.ROOT).contains("javascript:")) {
					element.removeAttr("srcset");
				}
			}
			case "a" -> {
				if (element.hasAttr("href")) {
					element.attr("rel", "nofollow noopener noreferrer");
				}
			}
			default -> {
			}
		}
		return true;
	}

}
