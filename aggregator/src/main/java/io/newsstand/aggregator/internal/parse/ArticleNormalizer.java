package io.newsstand.aggregator.internal.parse;

import io.newsstand.aggregator.Article;
import io.newsstand.aggregator.ArticleImage;
import io.newsstand.aggregator.PublicTeaser;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;
import org.jspecify.annotations.Nullable;

/**
 * Turns parsed items into clean articles: plain-text title and summary,
 * canonical URL, sanitised body, lead image, clamped dates, word count and
 * identity. A summary (standfirst) is the item's description; without one it is
 * derived from the body, never longer than the paywall's teaser of it.
 */
public final class ArticleNormalizer {

	static final int SUMMARY_LENGTH = 320;

	static final int WORDS_PER_MINUTE = 230;

	private static final Evaluator FIRST_IMAGE = QueryParser.parse("img[src]");

	private final HtmlSanitizer sanitizer;

	private final PublicTeaser teaser;

	/**
	 * A normaliser without the paywall's teaser rule: an item without a description
	 * gets no standfirst from its body.
	 */
	public ArticleNormalizer(HtmlSanitizer sanitizer) {
		this(sanitizer, body -> "");
	}

	/**
	 * @param teaser
	 *            the paywall's teaser, the most of a body a standfirst derived from
	 *            it may show
	 */
	public ArticleNormalizer(HtmlSanitizer sanitizer, PublicTeaser teaser) {
		this.sanitizer = sanitizer;
		this.teaser = teaser;
	}

	public List<NormalizedArticle> normalize(ParsedFeed feed, FeedContext context) {
		return normalize(feed, context, guidCounts(feed, List.of()));
	}

	/**
	 * Normalises the items of a feed that was parsed without some of its items
	 * ({@link FeedParser#parseNew}).
	 *
	 * @param guidCounts
	 *            how often each guid occurs in the whole document
	 *            ({@link #guidCounts}): a guid the document repeats does not
	 *            identify an item on its own
	 */
	public List<NormalizedArticle> normalize(ParsedFeed feed, FeedContext context, Map<String, Integer> guidCounts) {
		String feedBase = Urls.canonical(feed.link(), context.feedUrl());
		List<NormalizedArticle> articles = new ArrayList<>(feed.items().size());
		for (ParsedItem item : feed.items()) {
			articles.add(normalize(item, feed, context, feedBase, guidCounts));
		}
		return articles;
	}

	/**
	 * How often each guid occurs in the document: in the parsed items and in those
	 * left out of the parse.
	 */
	public static Map<String, Integer> guidCounts(ParsedFeed feed, Collection<String> leftOutGuids) {
		Map<String, Integer> guidCounts = new HashMap<>();
		for (ParsedItem item : feed.items()) {
			if (item.guid() != null) {
				guidCounts.merge(item.guid(), 1, Integer::sum);
			}
		}
		for (String guid : leftOutGuids) {
			guidCounts.merge(guid, 1, Integer::sum);
		}
		return guidCounts;
	}

	private NormalizedArticle normalize(ParsedItem item, ParsedFeed feed, FeedContext context,
			@Nullable String feedBase, Map<String, Integer> guidCounts) {
		String base = feedBase != null ? feedBase : context.feedUrl();
		String url = Urls.canonical(item.link(), base);
		String itemBase = url != null ? url : base;
		// Relative URLs in the content resolve against the xml:base in scope, else the
		// item's link, else the feed's.
		String contentBase = item.base() == null ? itemBase : Urls.resolve(context.feedUrl(), item.base());
		String html = item.contentHtml() != null ? item.contentHtml() : item.summaryHtml();
		Document body = this.sanitizer.clean(html == null ? "" : html, contentBase);
		String bodyText = body.body().text();
		// Without a separate content, the body is the summary: its text is already at
		// hand.
		String summary = item.summaryHtml() == null
				? ""
				: html == item.summaryHtml() ? bodyText : text(item.summaryHtml());
		String bodyHtml = body.body().html();
		if (summary.isEmpty()) {
			// No description: the standfirst is derived from the body, and shows no more of
			// it than the teaser does. The first 320 characters of the body went to list
			// pages, meta tags and JSON-LD of paywalled articles.
			summary = this.teaser.of(bodyHtml);
		}
		summary = abbreviate(summary, SUMMARY_LENGTH);
		String title = item.title() == null ? "" : text(item.title());
		if (title.isEmpty()) {
			title = summary.isEmpty() ? "(untitled)" : abbreviate(summary, 90);
		}
		Instant now = context.now();
		Instant published = item.published() != null ? item.published() : item.updated();
		boolean dated = published != null;
		published = published == null || published.isAfter(now) ? now : published;
		Instant updated = item.updated() == null || item.updated().isAfter(now) || item.updated().isBefore(published)
				? published
				: item.updated();
		ArticleImage image = image(item, itemBase, contentBase, body);
		int words = words(bodyText);
		String identity = identity(item, url, title, bodyHtml, guidCounts);
		String language = feed.language() != null ? feed.language() : context.language();
		Article article = new Article(id(context.publisherId(), identity), title,
				url != null ? url : Urls.canonical(context.feedUrl(), null) + "#" + hash(identity).substring(0, 12),
				context.publisherId(), context.publisherName(), context.section(), context.region(),
				item.author() == null ? null : abbreviate(text(item.author()), 200), published, updated, summary,
				bodyHtml, image, item.categories().stream().limit(20).toList(), language, words,
				Math.max(1, (words + WORDS_PER_MINUTE - 1) / WORDS_PER_MINUTE), context.free());
		String contentHash = hash(title + "\u0000" + summary + "\u0000" + bodyHtml + "\u0000"
				+ (image == null ? "" : image.url()) + "\u0000" + article.author());
		return new NormalizedArticle(article, identity, url, contentHash, dated);
	}

	private static String identity(ParsedItem item, @Nullable String url, String title, String body,
			Map<String, Integer> guidCounts) {
		String guid = item.guid();
		if (guid != null) {
			// A feed that repeats one guid on every item would otherwise collapse into one
			// article.
			if (guidCounts.getOrDefault(guid, 0) > 1) {
				return "g:" + guid + "|" + (url != null ? url : hash(title + body));
			}
			return "g:" + guid;
		}
		if (url != null) {
			return "u:" + url;
		}
		return "h:" + hash(title + "\u0000" + body);
	}

	private @Nullable ArticleImage image(ParsedItem item, String base, String contentBase, Document body) {
		for (ParsedImage image : item.images()) {
			String url = absolute(image.url(), base);
			if (url != null) {
				return new ArticleImage(url, image.caption() == null ? null : abbreviate(text(image.caption()), 500),
						image.credit() == null ? null : abbreviate(text(image.credit()), 200));
			}
		}
		for (Element img : body.select(FIRST_IMAGE)) {
			if (isPixel(img)) {
				continue; // a tracking pixel or spacer, not a picture
			}
			String url = absolute(img.attr("src"), contentBase);
			if (url != null) {
				Element figure = img.closest("figure");
				Element figcaption = figure == null ? null : figure.selectFirst("figcaption");
				String caption = figcaption != null ? figcaption.text().strip() : img.attr("alt").strip();
				return new ArticleImage(url, caption.isEmpty() ? null : abbreviate(caption, 500), null);
			}
		}
		return null;
	}

	private static boolean isPixel(Element img) {
		return tiny(img.attr("width")) || tiny(img.attr("height"));
	}

	private static boolean tiny(String dimension) {
		String digits = dimension.strip().replace("px", "");
		return digits.matches("\\d{1,2}") && Integer.parseInt(digits) <= 2;
	}

	private static @Nullable String absolute(String url, String base) {
		try {
			URI uri = URI.create(base).resolve(url.strip());
			String scheme = uri.getScheme();
			return "http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme) ? uri.toString() : null;
		} catch (IllegalArgumentException ex) {
			return null;
		}
	}

	static String text(String html) {
		if (html.indexOf('<') < 0 && html.indexOf('&') < 0) {
			return collapseWhitespace(html);
		}
		return Jsoup.parseBodyFragment(html).body().text().strip();
	}

	/**
	 * Runs of white space (the characters of the regex \s) to one space, stripped.
	 */
	static String collapseWhitespace(String text) {
		StringBuilder out = new StringBuilder(text.length());
		boolean space = false;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r') {
				space = out.length() > 0;
			} else {
				if (space) {
					out.append(' ');
					space = false;
				}
				out.append(c);
			}
		}
		return out.toString().strip();
	}

	static int words(String text) {
		int words = 0;
		boolean inWord = false;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			// The characters of the regex \s, as the word count always counted.
			boolean space = c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
			if (!space && !inWord) {
				words++;
			}
			inWord = !space;
		}
		return words;
	}

	static String abbreviate(String text, int max) {
		if (text.length() <= max) {
			return text;
		}
		int cut = text.lastIndexOf(' ', max - 1);
		return text.substring(0, cut > max / 2 ? cut : max - 1).strip() + "\u2026";
	}

	public static String id(String publisherId, String identity) {
		return hash(publisherId + "\n" + identity).substring(0, 20);
	}

	public static String hash(String value) {
		try {
			return HexFormat.of()
					.formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
		} catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
