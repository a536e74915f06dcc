package io.newsstand.aggregator.internal;

import io.newsstand.aggregator.ArticleSearchSource;
import io.newsstand.aggregator.PublicTeaser;
import io.newsstand.aggregator.internal.catalog.Catalog;
import io.newsstand.aggregator.internal.store.ArticleReads;
import io.newsstand.aggregator.internal.store.FeedStateStore;
import io.newsstand.aggregator.internal.store.PollLeases;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the aggregator's public services over the catalog and the stores; each
 * internal package wires its own parts ({@code catalog}, {@code demo},
 * {@code fetch}, {@code store}, {@code poll}, {@code search}, {@code cluster}),
 * so that only what another package uses is public.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AggregatorProperties.class)
class AggregatorConfiguration {

	private static final Logger log = LoggerFactory.getLogger(AggregatorConfiguration.class);

	@Bean
	ArticleSearchSource articleSearchSource(ArticleReads articles, ObjectProvider<PublicTeaser> teaser) {
		return new StoredArticleSearchSource(articles, teaser.getIfUnique(() -> {
			log.info("No PublicTeaser in the context: search indexes no body text as teasers");
			return body -> "";
		}));
	}

	@Bean
	ArticleService articleService(Catalog catalog, ArticleReads articles, FeedStateStore states, PollLeases schedule) {
		return new ArticleService(catalog, articles, states, schedule);
	}

}
