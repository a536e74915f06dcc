package io.newsstand.aggregator.internal.search;

import io.newsstand.aggregator.ArticleSearch;
import io.newsstand.aggregator.ArticleSearchSource;
import io.newsstand.aggregator.SearchDocument;
import io.newsstand.aggregator.SearchFeed;
import java.time.InstantSource;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.lucene.analysis.Analyzer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SearchProperties.class)
class SearchConfiguration {

	private static final Logger log = LoggerFactory.getLogger(SearchConfiguration.class);

	@Bean
	RedisSearchFeed searchFeed(StringRedisTemplate redis, SearchProperties properties,
			ObjectProvider<InstantSource> clock) {
		return new RedisSearchFeed(redis, properties.feedRetention(), clock.getIfAvailable(InstantSource::system));
	}

	@Bean
	SearchIndexer searchIndexer(SearchProperties properties, StringRedisTemplate redis,
			RedisConnectionFactory connections, ObjectProvider<ArticleSearchSource> source,
			ObjectProvider<InstantSource> clock) {
		SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor("search-index-");
		executor.setVirtualThreads(true);
		return new SearchIndexer(properties, redis, connections, source.getIfUnique(SearchConfiguration::noSource),
				SearchSchema.analyzer(), clock.getIfAvailable(InstantSource::system), executor);
	}

	@Bean
	ArticleSearch articleSearch(SearchIndexer indexer, SearchProperties properties,
			ObjectProvider<InstantSource> clock) {
		return new LuceneArticleSearch(indexer::index, indexer::ready, SearchSchema.analyzer(), properties,
				clock.getIfAvailable(InstantSource::system));
	}

	/**
	 * Until the article store provides its source, the index has nothing to hold.
	 */
	private static ArticleSearchSource noSource() {
		log.info("No ArticleSearchSource in the context: the search index stays empty");
		return new ArticleSearchSource() {

			@Override
			public void forEachArticle(Consumer<SearchDocument> consumer) {
			}

			@Override
			public Optional<SearchDocument> find(String articleId) {
				return Optional.empty();
			}

		};
	}

}
