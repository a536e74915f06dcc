package io.newsstand.aggregator.internal.cluster;

import io.newsstand.aggregator.StoryClusters;
import java.time.InstantSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ClusterProperties.class)
class ClusterConfiguration {

	@Bean
	StoryClusters storyClusters(StringRedisTemplate redis, ClusterProperties properties,
			ObjectProvider<InstantSource> clock) {
		return new RedisStoryClusters(redis, properties, clock.getIfAvailable(InstantSource::system));
	}

}
