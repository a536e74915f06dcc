package io.newsstand.web.cards;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.newsstand.aggregator.ArticleSummary;
import io.newsstand.aggregator.Publisher;
import io.newsstand.web.images.BodyImages;
import io.newsstand.web.images.ImageLinks;
import io.newsstand.web.images.PublisherLogos;
import io.newsstand.web.search.SearchItem;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Turns stories into {@link Card}s for templates (the model attribute
 * {@code cards} on every page): signs picture links for the image proxy and
 * finds publisher logos.
 */
@Component("storyCards")
public class Cards {

	private final ImageLinks links;

	private final PublisherLogos logos;

	private final BodyImages bodyImages;

	private final TemplateEngine templates;

	/**
	 * Plain cards' HTML by the card: the same story lists fill every article page
	 * for as long as they live, and escaping a card's long {@code srcset} once per
	 * card instead of once per view is most of what an article page's cards cost.
	 * The key is the whole card, so a changed headline or picture is a new entry.
	 */
	private final Cache<Card, String> plainHtml = Caffeine.newBuilder().maximumSize(5_000).build();

	Cards(ImageLinks links, PublisherLogos logos, BodyImages bodyImages, TemplateEngine templates) {
		this.links = links;
		this.logos = logos;
		this.bodyImages = bodyImages;
		this.templates = templates;
	}

	/**
	 * A story's card as {@code tag/card.jte} renders it with no lead, note, source
	 * count or actions (the related, top and picks lists), rendered once per card:
	 * escaped by the template, so templates may write it as it is.
	 */
	public String plain(ArticleSummary story) {
		return this.plainHtml.get(of(story), card -> {
			StringOutput html = new StringOutput();
			this.templates.render("tag/card.jte", Map.of("card", card), html);
			return html.toString();
		});
	}

	public Card of(ArticleSummary story) {
		return new Card(story.id(), story.title(), null, story.publisherId(), story.publisherName(),
				this.logos.src(story.publisherId()), this.links.src(story.imageUrl(), Card.IMAGE_WIDTH),
				this.links.srcset(story.imageUrl()), story.summary(), null, story.readingMinutes(), story.free());
	}

	/**
	 * A publisher's logo as a same-origin address, or {@code null}: pages show a
	 * text wordmark then.
	 */
	public @Nullable String logo(String publisherId) {
		return this.logos.src(publisherId);
	}

	/** A publisher's logo as a same-origin address, or {@code null}. */
	public @Nullable String logo(Publisher publisher) {
		return this.logos.src(publisher);
	}

	/** An article's picture at about this width, through the image proxy. */
	public @Nullable String image(@Nullable String imageUrl, int width) {
		return this.links.src(imageUrl, width);
	}

	/** An article's picture at every proxied width, for {@code srcset}. */
	public @Nullable String srcset(@Nullable String imageUrl) {
		return this.links.srcset(imageUrl);
	}

	/**
	 * An article's body (or teaser) with its pictures through the image proxy: what
	 * the article pages show.
	 */
	public String body(String html) {
		return this.bodyImages.proxied(html);
	}

	public List<Card> of(List<ArticleSummary> stories) {
		return stories.stream().map(this::of).toList();
	}

	/** A search result: the headline and passage with the matched words marked. */
	public Card of(SearchItem item) {
		return new Card(item.id(), item.title(), item.titleHtml(), item.publisher().id(), item.publisher().name(),
				this.logos.src(item.publisher().id()), this.links.src(item.imageUrl(), Card.IMAGE_WIDTH),
				this.links.srcset(item.imageUrl()), "", item.snippet(), 0, false);
	}

}
