package io.newsstand.aggregator.internal.parse;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * The items of an RSS 2.0 style ({@code rss/channel/item}) or Atom
 * ({@code feed/entry}) document, found by a scan of its cleaned text: where
 * each item's element starts and ends, a digest of each item's text, and a
 * digest of the rest of the document (its "shell") without the feed's own
 * dates, which change on every regeneration of most feeds and never reach an
 * item, and without the white space around items.
 * <p>
 * A feed that changed usually changed in one or two items. Knowing which items
 * a caller has already parsed and stored (by digest), {@link #without} leaves
 * them out of the text handed to the XML parser, so the unchanged items cost a
 * scan and a hash instead of the XML parser, Rome's model and the normaliser.
 * The scan understands comments, CDATA sections, processing instructions and
 * quoted attribute values; anything it does not expect (a DTD, a prefixed root,
 * an end tag that does not match) makes {@link #of} answer {@code null}, and
 * the caller parses the whole document.
 */
public final class FeedItems {

	private static final String RSS_DATES = "|pubDate|lastBuildDate|";

	private static final String ATOM_DATES = "|updated|";

	private final String xml;

	private final String shell;

	private final List<String> digests;

	/** Start and end (exclusive) of each item, in document order. */
	private final int[] spans;

	private FeedItems(String xml, String shell, List<String> digests, int[] spans) {
		this.xml = xml;
		this.shell = shell;
		this.digests = digests;
		this.spans = spans;
	}

	/** Digest of the document outside its items, without the feed's own dates. */
	public String shell() {
		return this.shell;
	}

	/** Digest of each item's text, in document order. */
	public List<String> digests() {
		return this.digests;
	}

	public int size() {
		return this.digests.size();
	}

	/** The text of an item's element. */
	public String item(int i) {
		return this.xml.substring(this.spans[2 * i], this.spans[2 * i + 1]);
	}

	/**
	 * The document without the items {@code leaveOut} accepts (by position).
	 */
	public String without(Predicate<Integer> leaveOut) {
		StringBuilder out = new StringBuilder(this.xml.length());
		int from = 0;
		for (int i = 0; i < size(); i++) {
			if (leaveOut.test(i)) {
				out.append(this.xml, from, this.spans[2 * i]);
				from = this.spans[2 * i + 1];
			}
		}
		return out.append(this.xml, from, this.xml.length()).toString();
	}

	/**
	 * Scans a cleaned XML document ({@link XmlCleaner#clean}).
	 *
	 * @return its items, or {@code null} when it is not an RSS or Atom document of
	 *         the expected shape, or the scan meets something it does not handle
	 */
	public static @Nullable FeedItems of(String xml) {
		return new Scan(xml).run();
	}

	/**
	 * One pass over the text: a stack of open element names, depth 3 at most kept.
	 */
	private static final class Scan {

		private final String xml;

		private final List<String> path = new ArrayList<>();

		private final List<Integer> items = new ArrayList<>();

		/** Spans left out of the shell digest: items and the feed's dates. */
		private final List<Integer> skipped = new ArrayList<>();

		private @Nullable String root;

		private int itemStart = -1;

		private int dateStart = -1;

		Scan(String xml) {
			this.xml = xml;
		}

		@Nullable
		FeedItems run() {
			String xml = this.xml;
			int i = 0;
			while (true) {
				int lt = xml.indexOf('<', i);
				if (lt < 0) {
					break;
				}
				if (xml.startsWith("<!--", lt)) {
					i = after(xml.indexOf("-->", lt + 4), 3);
				} else if (xml.startsWith("<![CDATA[", lt)) {
					i = after(xml.indexOf("]]>", lt + 9), 3);
				} else if (xml.startsWith("<?", lt)) {
					i = after(xml.indexOf("?>", lt + 2), 2);
				} else if (xml.startsWith("<!", lt)) {
					return null; // a DOCTYPE or other declaration: not for this scan
				} else if (xml.startsWith("</", lt)) {
					int end = xml.indexOf('>', lt);
					if (end < 0 || !close(xml.substring(lt + 2, end).strip(), lt, end + 1)) {
						return null;
					}
					i = end + 1;
				} else {
					int end = tagEnd(lt + 1);
					if (end < 0) {
						return null;
					}
					String name = name(lt + 1);
					boolean empty = xml.charAt(end - 1) == '/';
					if (!open(name, lt, end + 1, empty)) {
						return null;
					}
					i = end + 1;
				}
				if (i < 0) {
					return null;
				}
			}
			if (this.root == null || !this.path.isEmpty()) {
				return null;
			}
			return result();
		}

		private static int after(int found, int length) {
			return found < 0 ? -1 : found + length;
		}

		/** The {@code >} closing a start tag, past quoted attribute values. */
		private int tagEnd(int from) {
			String xml = this.xml;
			for (int j = from; j < xml.length(); j++) {
				char c = xml.charAt(j);
				if (c == '"' || c == '\'') {
					j = xml.indexOf(c, j + 1);
					if (j < 0) {
						return -1;
					}
				} else if (c == '>') {
					return j;
				} else if (c == '<') {
					return -1;
				}
			}
			return -1;
		}

		private String name(int from) {
			int j = from;
			while (j < this.xml.length()) {
				char c = this.xml.charAt(j);
				if (c == '>' || c == '/' || Character.isWhitespace(c)) {
					break;
				}
				j++;
			}
			return this.xml.substring(from, j);
		}

		private boolean open(String name, int start, int end, boolean empty) {
			int depth = this.path.size();
			if (depth == 0) {
				if (this.root != null || !(name.equals("rss") || name.equals("feed"))) {
					return false; // a second root, or neither RSS nor Atom (RDF, prefixed roots)
				}
				this.root = name;
			} else if (isItem(name, depth)) {
				if (empty) {
					// An empty item is still an item.
					this.items.add(start);
					this.items.add(end);
					this.skipped.add(start);
					this.skipped.add(end);
					return true;
				}
				this.itemStart = start;
			} else if (this.itemStart < 0 && isFeedDate(name, depth)) {
				if (empty) {
					this.skipped.add(start);
					this.skipped.add(end);
					return true;
				}
				this.dateStart = start;
			}
			if (!empty) {
				this.path.add(name);
			}
			return true;
		}

		private boolean close(String name, int start, int end) {
			if (this.path.isEmpty() || !this.path.getLast().equals(name)) {
				return false;
			}
			this.path.removeLast();
			int depth = this.path.size();
			if (this.itemStart >= 0 && isItem(name, depth)) {
				this.items.add(this.itemStart);
				this.items.add(end);
				this.skipped.add(this.itemStart);
				this.skipped.add(end);
				this.itemStart = -1;
			} else if (this.dateStart >= 0 && isFeedDate(name, depth)) {
				this.skipped.add(this.dateStart);
				this.skipped.add(end);
				this.dateStart = -1;
			}
			return true;
		}

		/** An item element at the depth where it is one (path = its ancestors). */
		private boolean isItem(String name, int depth) {
			if ("rss".equals(this.root)) {
				return depth == 2 && name.equals("item") && this.path.get(1).equals("channel");
			}
			return depth == 1 && name.equals("entry");
		}

		private boolean isFeedDate(String name, int depth) {
			if ("rss".equals(this.root)) {
				return depth == 2 && this.path.get(1).equals("channel") && RSS_DATES.contains("|" + name + "|");
			}
			return depth == 1 && ATOM_DATES.contains("|" + name + "|");
		}

		private FeedItems result() {
			// The white space around items goes too: a new item brings its own line.
			MessageDigest shell = sha256();
			int from = 0;
			for (int k = 0; k < this.skipped.size(); k += 2) {
				update(shell, this.xml.substring(from, this.skipped.get(k)).strip());
				from = this.skipped.get(k + 1);
			}
			update(shell, this.xml.substring(from).strip());
			List<String> digests = new ArrayList<>(this.items.size() / 2);
			int[] spans = new int[this.items.size()];
			MessageDigest item = sha256();
			for (int k = 0; k < this.items.size(); k += 2) {
				spans[k] = this.items.get(k);
				spans[k + 1] = this.items.get(k + 1);
				update(item, this.xml.substring(spans[k], spans[k + 1]));
				digests.add(HexFormat.of().formatHex(item.digest()));
			}
			return new FeedItems(this.xml, this.root + ":" + HexFormat.of().formatHex(shell.digest()), digests, spans);
		}

		private static void update(MessageDigest digest, String text) {
			digest.update(text.getBytes(StandardCharsets.UTF_8));
		}

		private static MessageDigest sha256() {
			try {
				return MessageDigest.getInstance("SHA-256");
			} catch (NoSuchAlgorithmException ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

}
