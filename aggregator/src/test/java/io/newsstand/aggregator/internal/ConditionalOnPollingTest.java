package io.newsstand.aggregator.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The poller's beans follow {@code newsstand.aggregator.polling-enabled}, whose
 * default ({@code true}) comes from {@link AggregatorProperties} alone.
 */
class ConditionalOnPollingTest {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
			.withUserConfiguration(PollingOnly.class);

	@Test
	void pollsWhenTheSettingIsMissingAsTheRecordDefaults() {
		this.runner.run(context -> assertThat(context).hasBean("poller"));
	}

	@Test
	void pollsWhenEnabled() {
		this.runner.withPropertyValues("newsstand.aggregator.polling-enabled=true")
				.run(context -> assertThat(context).hasBean("poller"));
	}

	@Test
	void aWebOnlyNodeHasNoPollerBeans() {
		this.runner.withPropertyValues("newsstand.aggregator.polling-enabled=false")
				.run(context -> assertThat(context).doesNotHaveBean("poller"));
	}

	@Test
	void readsTheSettingUnderItsRelaxedNames() {
		this.runner.withPropertyValues("newsstand.aggregator.pollingEnabled=false")
				.run(context -> assertThat(context).doesNotHaveBean("poller"));
	}

	@Configuration(proxyBeanMethods = false)
	static class PollingOnly {

		@Bean
		@ConditionalOnPolling
		String poller() {
			return "polling";
		}

	}

}
