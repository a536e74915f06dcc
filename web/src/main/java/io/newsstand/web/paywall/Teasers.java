package io.newsstand.web.paywall;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Cuts an article's (already sanitised) HTML body down to its opening: whole
 * top-level blocks while they stay within the teaser's share of the words. When
 * even the first block is longer, its first words up to the share, with an
 * ellipsis. The rest of the body never leaves this class.
 * <p>
 * The teaser is built, not copied: each block is rebuilt from the parsed DOM,
 * element by element and text node by text node, keeping only the text
 * structure the aggregator's sanitiser allows. What a block writes is exactly
 * what was counted, so no element can carry text past the cut: an
 * {@code <iframe …/>} whose "fallback" swallowed the rest of the article is
 * copied without children; comments and raw data go; {@code noscript},
 * {@code template}, {@code object} and unknown tags give way to their visible
 * children, which are counted like any other text, as the sanitiser does. The
 * text of a teaser is therefore always a prefix of the article's visible text.
 */
public final class Teasers {

	/** Elements whose text a reader sees, copied with their children. */
	private static final Set<String> TEXT_ELEMENTS = Set.of("a", "abbr", "b", "blockquote", "caption", "cite", "code",
			"colgroup", "dd", "del", "div", "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5",
			"h6", "i", "ins", "li", "mark", "ol", "p", "picture", "pre", "q", "s", "small", "span", "strike", "strong",
			"sub", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "time", "tr", "u", "ul");

	/**
	 * Elements copied without any child: they show no text of their own (an
	 * iframe's content is never shown where frames work).
	 */
	private static final Set<String> EMPTY_ELEMENTS = Set.of("br", "col", "hr", "iframe", "img");

	private Teasers() {
	}

	/**
	 * The opening of {@code bodyHtml}, as HTML, at most {@code share} of its words.
	 */
	public static String opening(String bodyHtml, double share) {
		Element body = Jsoup.parseBodyFragment(bodyHtml).body();
		Element visible = new Element("body");
		for (Node node : body.childNodes()) {
			copyVisible(node, visible);
		}
		int totalWords = words(visible.text());
		int budget = Math.max(1, (int) Math.floor(totalWords * share));
		Document out = Document.createShell("");
		out.outputSettings().prettyPrint(false);
		int used = 0;
		for (Node block : new ArrayList<>(visible.childNodes())) {
			String text = (block instanceof Element element) ? element.text() : ((TextNode) block).text();
			int blockWords = words(text);
			if (blockWords == 0) {
				continue;
			}
			if (used + blockWords > budget) {
				if (used == 0) {
					out.body().append("<p>" + Entities.escape(firstWords(text, budget)) + " …</p>");
				}
				break;
			}
			out.body().appendChild(block);
			used += blockWords;
		}
		return out.body().html();
	}

	/**
	 * Appends to {@code parent} a copy of what a reader sees of {@code node}: text
	 * nodes and allowed elements with their attributes. Any other element is
	 * replaced by what a reader sees of its children, as the sanitiser does with
	 * it; comments and data (script, style, an iframe's fallback) go.
	 */
	private static void copyVisible(Node node, Element parent) {
		if (node instanceof TextNode text) {
			// A CDATA node (from SVG or MathML) becomes plain, escaped text.
			parent.appendChild(new TextNode(text.getWholeText()));
			return;
		}
		if (!(node instanceof Element element)) {
			return;
		}
		String tag = element.normalName();
		if (EMPTY_ELEMENTS.contains(tag)) {
			parent.appendChild(element.shallowClone());
			return;
		}
		Element target = parent;
		if (TEXT_ELEMENTS.contains(tag)) {
			target = element.shallowClone();
			parent.appendChild(target);
		}
		for (Node child : element.childNodes()) {
			copyVisible(child, target);
		}
	}

	static int words(String text) {
		String trimmed = text.strip();
		return trimmed.isEmpty() ? 0 : trimmed.split("\\s+").length;
	}

	private static String firstWords(String text, int count) {
		List<String> words = List.of(text.strip().split("\\s+"));
		return String.join(" ", words.subList(0, Math.min(count, words.size())));
	}

}
