package io.newsstand.web.redis;

import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.data.redis.autoconfigure.ClientResourcesBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.scheduling.TaskScheduler;

/**
 * Fail fast, recover fast: the circuit, and Lettuce's reconnects tuned to
 * match. Commands issued while disconnected still wait in Lettuce's queue (its
 * default): rejecting them would turn every background reader that retries at
 * once (the search feed's stream reader) into a busy loop; requests do not
 * reach them while the circuit is open. Apart from
 * {@link RedisConnectionConfiguration} on purpose: it only customises the
 * client Boot builds, whatever the topology.
 */
@Configuration(proxyBeanMethods = false)
class RedisCircuitConfiguration {

	@Bean(destroyMethod = "unfollow")
	RedisCircuit redisCircuit(RedisConnectionFactory connections, TaskScheduler scheduler,
			RedisCircuitProperties properties, ObjectProvider<ClientResources> resources) {
		RedisCircuit circuit = new RedisCircuit(connections, scheduler, properties);
		// On one server a failed reconnect means Redis is gone. On a Cluster or
		// behind Sentinel it may be one node that failed over (Lettuce keeps trying
		// the dead master's address): the app serves on, so only requests that fail
		// open the circuit there.
		if (!(connections instanceof LettuceConnectionFactory lettuce)
				|| (lettuce.getClusterConfiguration() == null && lettuce.getSentinelConfiguration() == null)) {
			resources.ifAvailable(client -> circuit.follow(client.eventBus()));
		}
		return circuit;
	}

	/**
	 * Lettuce's default back-off grows to 30 s between reconnect attempts, so a
	 * long outage was followed by up to 13 s of errors after Redis had returned.
	 * Attempts start at 1 ms and double up to {@code max-reconnect-delay}; against
	 * a server that is down each costs one refused connection.
	 */
	@Bean
	ClientResourcesBuilderCustomizer reconnectQuickly(RedisCircuitProperties properties) {
		return resources -> resources.reconnectDelay(
				Delay.exponential(Duration.ZERO, properties.maxReconnectDelay(), 2, TimeUnit.MILLISECONDS));
	}

}
