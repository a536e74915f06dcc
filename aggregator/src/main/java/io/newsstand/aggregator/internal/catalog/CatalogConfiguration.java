package io.newsstand.aggregator.internal.catalog;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CatalogProperties.class)
class CatalogConfiguration {

	private static final Logger log = LoggerFactory.getLogger(CatalogConfiguration.class);

	@Bean
	Catalog catalog(CatalogProperties properties) {
		Catalog catalog = new CatalogLoader().load(properties.catalog());
		log.info("Catalog {}: {} publishers, {} feeds", catalog.source(), catalog.publishers().size(),
				catalog.feeds().size());
		return catalog;
	}

}
