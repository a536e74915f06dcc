package io.newsstand.web.paywall;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Cuts an article's (already sanitised) HTML body down to its opening: whole
 * top-level blocks while they stay within the teaser's share of the words. When
 * even the first block is longer, its first words up to the share, with an
 * ellipsis. The rest of the body never leaves this class.
 */
public final class Teasers {

	private Teasers() {
	}

	/**
	 * The opening of {@code bodyHtml}, as HTML, at most {@code share} of its words.
	 */
	public static String opening(String bodyHtml, double share) {
		Document document = Jsoup.parseBodyFragment(bodyHtml);
		Element body = document.body();
		int totalWords = words(body.text());
		int budget = Math.max(1, (int) Math.floor(totalWords * share));
		StringBuilder out = new StringBuilder();
		int used = 0;
		for (Node node : new ArrayList<>(body.childNodes())) {
			String text = (node instanceof Element element)
					? element.text()
					: (node instanceof TextNode textNode) ? textNode.text() : "";
			int blockWords = words(text);
			if (blockWords == 0) {
				continue;
			}
			if (used + blockWords > budget) {
				if (used == 0) {
					out.append("<p>").append(org.jsoup.nodes.Entities.escape(firstWords(text, budget)))
							.append(" …</p>");
				}
				break;
			}
			out.append(node.outerHtml());
			used += blockWords;
		}
		return out.toString();
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
