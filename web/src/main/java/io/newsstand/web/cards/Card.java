package io.newsstand.web.cards;

import org.jspecify.annotations.Nullable;

/**
 * What a card shows of one story. Every address is same-origin: pictures go
 * through the image proxy, so a reader's browser never fetches a publisher.
 *
 * @param id
 *            article id
 * @param title
 *            headline, plain text
 * @param titleHtml
 *            headline as safe HTML (search: matched words marked), or
 *            {@code null} to show {@code title}
 * @param publisherId
 *            the publisher's catalog id
 * @param publisherName
 *            the publisher's display name
 * @param logoSrc
 *            the publisher's logo, or {@code null}: a text wordmark then
 * @param imageSrc
 *            the lead picture at card width, or {@code null}: a text-only card
 * @param imageSrcset
 *            the lead picture at every proxied width, or {@code null}
 * @param standfirst
 *            plain-text standfirst (may be empty)
 * @param snippetHtml
 *            safe HTML shown instead of the standfirst (search), or
 *            {@code null}
 * @param readingMinutes
 *            minutes to read the whole story; 0 when unknown
 * @param free
 *            whether the publisher makes it free to read
 */
public record Card(String id, String title, @Nullable String titleHtml, String publisherId, String publisherName,
		@Nullable String logoSrc, @Nullable String imageSrc, @Nullable String imageSrcset, String standfirst,
		@Nullable String snippetHtml, int readingMinutes, boolean free) {

	/** Width and height written on every picture (16:9), so nothing shifts. */
	public static final int IMAGE_WIDTH = 640;

	public static final int IMAGE_HEIGHT = 360;

	public String href() {
		return "/articles/" + this.id;
	}

	public boolean hasImage() {
		return this.imageSrc != null;
	}

}
