package io.newsstand.aggregator.internal.parse;

import com.rometools.modules.itunes.EntryInformation;
import com.rometools.modules.itunes.ITunes;
import com.rometools.modules.mediarss.MediaEntryModule;
import com.rometools.modules.mediarss.MediaModule;
import com.rometools.modules.mediarss.types.Credit;
import com.rometools.modules.mediarss.types.MediaContent;
import com.rometools.modules.mediarss.types.MediaGroup;
import com.rometools.modules.mediarss.types.Metadata;
import com.rometools.modules.mediarss.types.Thumbnail;
import com.rometools.modules.mediarss.types.UrlReference;
import com.rometools.rome.feed.synd.SyndEnclosure;
import com.rometools.rome.feed.synd.SyndEntry;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The images a Rome entry offers, best first: Media RSS {@code media:content}
 * (alone or in a {@code media:group}), {@code media:thumbnail}, an
 * {@code enclosure} of an image type, then {@code itunes:image}. Captions come
 * from {@code media:description}, else {@code media:title}; credits from
 * {@code media:credit}. Part of the feed parser: with {@link RomeFeedParser},
 * the only code that sees Rome's types.
 */
final class RomeImages {

	private RomeImages() {
	}

	static List<ParsedImage> of(SyndEntry entry) {
		List<ParsedImage> images = new ArrayList<>();
		if (entry.getModule(MediaModule.URI) instanceof MediaEntryModule media) {
			for (MediaContent content : media.getMediaContents()) {
				addMedia(images, content, media.getMetadata());
			}
			for (MediaGroup group : media.getMediaGroups()) {
				for (MediaContent content : group.getContents()) {
					addMedia(images, content, group.getMetadata());
				}
			}
			Metadata metadata = media.getMetadata();
			if (metadata != null) {
				for (Thumbnail thumbnail : metadata.getThumbnail()) {
					if (thumbnail.getUrl() != null) {
						images.add(new ParsedImage(thumbnail.getUrl().toString(), caption(metadata), credit(metadata)));
					}
				}
			}
		}
		for (SyndEnclosure enclosure : entry.getEnclosures()) {
			String type = enclosure.getType();
			if (enclosure.getUrl() != null && type != null && type.startsWith("image/")) {
				images.add(new ParsedImage(enclosure.getUrl(), null, null));
			}
		}
		if (entry.getModule(ITunes.URI) instanceof EntryInformation itunes) {
			String url = blankToNull(itunes.getImageUri());
			if (url == null && itunes.getImage() != null) {
				url = itunes.getImage().toString();
			}
			if (url != null) {
				images.add(new ParsedImage(url, null, null));
			}
		}
		return images;
	}

	private static void addMedia(List<ParsedImage> images, MediaContent content, @Nullable Metadata fallback) {
		boolean image = "image".equals(content.getMedium())
				|| content.getType() != null && content.getType().startsWith("image/")
				|| content.getMedium() == null && content.getType() == null;
		if (!image || !(content.getReference() instanceof UrlReference reference) || reference.getUrl() == null) {
			return;
		}
		Metadata metadata = content.getMetadata();
		String caption = caption(metadata);
		String credit = credit(metadata);
		if (caption == null && fallback != null) {
			caption = caption(fallback);
		}
		if (credit == null && fallback != null) {
			credit = credit(fallback);
		}
		images.add(new ParsedImage(reference.getUrl().toString(), caption, credit));
	}

	private static @Nullable String caption(@Nullable Metadata metadata) {
		if (metadata == null) {
			return null;
		}
		String description = blankToNull(metadata.getDescription());
		return description != null ? description : blankToNull(metadata.getTitle());
	}

	private static @Nullable String credit(@Nullable Metadata metadata) {
		if (metadata == null) {
			return null;
		}
		for (Credit credit : metadata.getCredits()) {
			String name = blankToNull(credit.getName());
			if (name != null) {
				return name;
			}
		}
		return null;
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}
