package io.newsstand.web.images;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.springframework.stereotype.Component;

/**
 * Points the pictures inside an article's body at the image proxy. The stored
 * body is the publisher's sanitised HTML, whose {@code <img>} elements name the
 * publisher's servers; a reader's browser must not fetch those (it would tell
 * the publisher, and anyone on the way, who reads what), so the page's
 * {@code img-src} allows only this site. A picture whose address the proxy
 * cannot sign is dropped rather than shown broken. An embedded video becomes a
 * play button ({@link VideoEmbeds}) for the same reason.
 */
@Component
public class BodyImages {

	/** The width a body picture is first asked at: the article column's. */
	static final int WIDTH = 960;

	/** The article column is at most 42rem wide, the whole screen below that. */
	static final String SIZES = "(min-width: 44rem) 42rem, 100vw";

	private final ImageLinks links;

	/**
	 * Rewritten bodies by their stored HTML: parsing a body per view is the
	 * costliest step of a member's article page. Bounded by size (about 16 MB of
	 * chars), so a catalog's worth of long bodies cannot grow it; a changed body is
	 * a new key.
	 */
	private final Cache<String, String> rewritten = Caffeine.newBuilder().maximumWeight(8_000_000)
			.weigher((String html, String proxied) -> html.length() + proxied.length()).build();

	BodyImages(ImageLinks links) {
		this.links = links;
	}

	/**
	 * @param html
	 *            a sanitised body (or its teaser), as stored
	 * @return the same HTML with every picture through the proxy
	 */
	public String proxied(String html) {
		// Most bodies carry no picture and no video: they are returned as they are,
		// unparsed.
		if (!html.contains("<img") && !html.contains("<iframe")) {
			return html;
		}
		return this.rewritten.get(html, this::rewrite);
	}

	private String rewrite(String html) {
		Document document = Jsoup.parseBodyFragment(html);
		document.outputSettings().prettyPrint(false);
		for (Element img : document.body().select("img")) {
			String original = img.attr("src");
			String src = this.links.src(original, WIDTH);
			if (src == null) {
				img.remove();
				continue;
			}
			img.attr("src", src).attr("srcset", this.links.srcset(original)).attr("sizes", SIZES)
					.attr("loading", "lazy").attr("decoding", "async");
		}
		for (Element iframe : document.body().select("iframe")) {
			VideoEmbeds.facade(iframe);
		}
		return document.body().html();
	}

}
