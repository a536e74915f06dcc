package io.newsstand.aggregator.internal.demo;

import io.newsstand.aggregator.internal.catalog.CatalogLoader;
import java.time.InstantSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class DemoConfiguration {

	@Bean
	DemoFeedKey demoFeedKey() {
		return new DemoFeedKey();
	}

	@Bean
	DemoPictures demoPictures() {
		return new DemoPictures();
	}

	@Bean
	DemoLogos demoLogos() {
		return new DemoLogos(new CatalogLoader().load("demo"));
	}

	@Bean
	DemoFeeds demoFeeds(ObjectProvider<InstantSource> clock) {
		return new DemoFeeds(new CatalogLoader().load("demo"), clock.getIfAvailable(InstantSource::system));
	}

}
