package io.newsstand.web.frontpage;

import io.newsstand.web.redis.WebKeys;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;

/**
 * Every web node recomputes its front page when an editor on any node changes
 * the picks: a message on a Redis pub/sub channel. A node that misses one (it
 * was reconnecting) is right again after {@code newsstand.frontpage.refresh}.
 */
@Configuration(proxyBeanMethods = false)
class PicksBroadcast {

	@Bean
	RedisMessageListenerContainer frontPagePicksListener(RedisConnectionFactory connections, FrontPage frontPage) {
		RedisMessageListenerContainer container = new RedisMessageListenerContainer();
		container.setConnectionFactory(connections);
		container.addMessageListener((message, pattern) -> frontPage.invalidate(),
				new ChannelTopic(WebKeys.picksChangedChannel()));
		return container;
	}

}
