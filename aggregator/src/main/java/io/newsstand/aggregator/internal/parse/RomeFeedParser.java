package io.newsstand.aggregator.internal.parse;

import com.rometools.rome.feed.WireFeed;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.module.DCModule;
import com.rometools.rome.feed.module.DCModuleImpl;
import com.rometools.rome.feed.module.Module;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.rss.Item;
import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.WireFeedInput;
import com.rometools.rome.io.XmlReader;
import com.rometools.rome.io.impl.DateParser;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;
import org.jdom2.Document;
import org.jdom2.JDOMException;
import org.jspecify.annotations.Nullable;

/**
 * The one class that knows Rome: parses cleaned XML text (see
 * {@link FeedCharset} and {@link XmlCleaner}) and turns Rome's types into
 * {@link ParsedFeed}. Rome's own healer is off (XmlCleaner heals faster), and
 * DOCTYPEs stay refused (XmlCleaner removes them).
 * <p>
 * Rome parses a tree we built ({@link FeedTree}), with the item dates of RSS
 * 2.0 and Atom 1.0 taken out and parsed here: Rome's date parser tries some
 * twenty {@code SimpleDateFormat}s, each compiled anew, per date, which was a
 * third of Rome's time; the usual RFC 1123 and ISO 8601 forms are parsed with
 * {@code java.time} ({@link FeedDates}) and anything else still by Rome's
 * parser, and the dates are put back into Rome's model where Rome's parser
 * would have put them. Each item's {@code xml:base}, read from the same tree,
 * goes into its {@link ParsedItem}.
 */
final class RomeFeedParser {

	private static final Locale LOCALE = Locale.US;

	ParseOutcome parse(String cleanXml) {
		Document document;
		try {
			document = FeedTree.build(cleanXml);
		} catch (JDOMException ex) {
			return new ParseOutcome.Malformed("Invalid XML: " + reason(ex));
		} catch (IOException ex) {
			return new ParseOutcome.Malformed("Invalid XML: " + ex);
		}
		FeedTree.Prepared prepared = FeedTree.prepare(document, RomeFeedParser::date);
		SyndFeed feed;
		try {
			WireFeed wire = new WireFeedInput(false, LOCALE).build(document);
			if (!putDatesBack(prepared, wire)) {
				// Not the shape prepare() expected: let Rome parse everything itself.
				return parseWithRomeAlone(cleanXml);
			}
			feed = new SyndFeedImpl(wire, true);
		} catch (FeedException | IllegalArgumentException ex) {
			return new ParseOutcome.Malformed(reason(ex));
		} catch (RuntimeException ex) {
			// Rome's parsers can fail with NPEs and index errors on odd input.
			return new ParseOutcome.Malformed("feed parser failed: " + ex);
		}
		return outcome(feed, prepared.bases());
	}

	/**
	 * Rome doing everything itself (dates included, no xml:base): the fallback, and
	 * what the corpus test compares {@link #parse} with.
	 */
	static ParseOutcome parseWithRomeAlone(String cleanXml) {
		SyndFeedInput input = new SyndFeedInput(false, LOCALE);
		input.setXmlHealerOn(false);
		input.setAllowDoctypes(false);
		input.setPreserveWireFeed(true);
		try {
			return outcome(input.build(new StringReader(cleanXml)), List.of());
		} catch (FeedException | IllegalArgumentException ex) {
			return new ParseOutcome.Malformed(reason(ex));
		} catch (RuntimeException ex) {
			return new ParseOutcome.Malformed("feed parser failed: " + ex);
		}
	}

	private static ParseOutcome outcome(SyndFeed feed, List<@Nullable String> bases) {
		List<ParsedItem> items = new ArrayList<>();
		List<SyndEntry> entries = feed.getEntries();
		// The bases were read in document order; Rome keeps that order.
		boolean based = bases.size() == entries.size();
		for (int i = 0; i < entries.size(); i++) {
			items.add(item(entries.get(i), based ? bases.get(i) : null));
		}
		return new ParseOutcome.Parsed(new ParsedFeed(Objects.requireNonNullElse(feed.getFeedType(), "xml"),
				blankToNull(feed.getTitle()), blankToNull(feed.getLink()), blankToNull(feed.getLanguage()),
				ttl(feed.originalWireFeed()), items));
	}

	/**
	 * Plain Rome as its README shows it ({@code SyndFeedInput} over
	 * {@code XmlReader}, Rome's own charset handling and healer): the baseline of
	 * the corpus test and the benchmarks. Not used for polling.
	 *
	 * @return the number of entries, or -1 when Rome cannot parse the bytes
	 */
	static int plainRome(byte[] body) {
		try (XmlReader reader = new XmlReader(new ByteArrayInputStream(body))) {
			return new SyndFeedInput().build(reader).getEntries().size();
		} catch (FeedException | IOException | RuntimeException ex) {
			return -1;
		}
	}

	private static String reason(Exception ex) {
		String message = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
		Throwable cause = ex.getCause();
		if (cause != null && cause.getMessage() != null && !message.contains(cause.getMessage())) {
			message = message + ": " + cause.getMessage();
		}
		return message.length() > 300 ? message.substring(0, 300) : message;
	}

	private static @Nullable Duration ttl(@Nullable WireFeed wire) {
		if (wire instanceof Channel channel && channel.getTtl() > 0) {
			return Duration.ofMinutes(channel.getTtl());
		}
		return null;
	}

	/**
	 * Puts the dates {@link FeedTree#prepare} took out into Rome's model, where
	 * Rome's parsers would have put them.
	 *
	 * @return false when Rome's model does not have the items prepared
	 */
	private static boolean putDatesBack(FeedTree.Prepared prepared, WireFeed wire) {
		switch (prepared.format()) {
			case "rss" -> {
				if (!(wire instanceof Channel channel) || channel.getItems().size() != prepared.items().size()) {
					return false;
				}
				channel.setPubDate(prepared.feedPublished());
				channel.setLastBuildDate(prepared.feedUpdated());
				for (int i = 0; i < prepared.items().size(); i++) {
					Item item = channel.getItems().get(i);
					FeedTree.ItemDates dates = prepared.items().get(i);
					if (dates.published() != null) {
						item.setPubDate(dates.published());
					}
					addDcDates(dates, item.getModules());
				}
			}
			case "atom" -> {
				if (!(wire instanceof Feed atom) || atom.getEntries().size() != prepared.items().size()) {
					return false;
				}
				atom.setUpdated(prepared.feedUpdated());
				for (int i = 0; i < prepared.items().size(); i++) {
					Entry entry = atom.getEntries().get(i);
					FeedTree.ItemDates dates = prepared.items().get(i);
					entry.setPublished(dates.published());
					entry.setUpdated(dates.updated());
					addDcDates(dates, entry.getModules());
				}
			}
			default -> {
				// Nothing was taken out.
			}
		}
		return true;
	}

	/** Where Rome's Dublin Core parser puts dc:date. */
	private static void addDcDates(FeedTree.ItemDates dates, List<Module> modules) {
		if (dates.dc() == null) {
			return;
		}
		DCModule module = null;
		for (Module candidate : modules) {
			if (candidate instanceof DCModule existing && DCModule.URI.equals(candidate.getUri())) {
				module = existing;
			}
		}
		if (module == null) {
			module = new DCModuleImpl();
			modules.add(module);
		}
		module.setDates(dates.dc());
	}

	/**
	 * A feed date as Rome reads it: RFC 1123 and ISO 8601 with seconds through
	 * {@link FeedDates}, which give the instant Rome's masks give; anything else
	 * through Rome's own date parser.
	 */
	static @Nullable Date date(String text) {
		Date date = FeedDates.parse(text);
		return date != null ? date : romeDate(text);
	}

	/** Rome's own date parser, as Rome's feed parsers call it. */
	static @Nullable Date romeDate(String text) {
		return DateParser.parseDate(text, LOCALE);
	}

	private static ParsedItem item(SyndEntry entry, @Nullable String base) {
		String summary = entry.getDescription() == null ? null : blankToNull(entry.getDescription().getValue());
		String content = entry.getContents().stream().map(SyndContent::getValue).filter(Objects::nonNull)
				.filter(value -> !value.isBlank()).findFirst().orElse(null);
		String author = entry.getAuthors().isEmpty()
				? blankToNull(entry.getAuthor())
				: blankToNull(
						entry.getAuthors().stream().map(SyndPerson::getName).filter(Objects::nonNull).map(String::strip)
								.filter(name -> !name.isEmpty()).distinct().collect(Collectors.joining(", ")));
		if (author == null) {
			author = blankToNull(entry.getAuthor());
		}
		List<String> categories = entry.getCategories().stream().map(SyndCategory::getName).filter(Objects::nonNull)
				.map(String::strip).filter(name -> !name.isEmpty()).distinct().toList();
		String guid = blankToNull(entry.getUri());
		if (entry.getWireEntry() instanceof Item rssItem) {
			// Rome copies the link into the URI when an RSS item has no guid; identity
			// needs to know.
			guid = rssItem.getGuid() == null ? null : blankToNull(rssItem.getGuid().getValue());
		}
		String link = blankToNull(entry.getLink());
		if (link == null && !entry.getLinks().isEmpty()) {
			link = blankToNull(entry.getLinks().get(0).getHref());
		}
		return new ParsedItem(guid, link, blankToNull(entry.getTitle()), author, instant(entry.getPublishedDate()),
				instant(entry.getUpdatedDate()), summary, content, RomeImages.of(entry), categories, base);
	}

	private static @Nullable Instant instant(@Nullable Date date) {
		return date == null ? null : date.toInstant();
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}
