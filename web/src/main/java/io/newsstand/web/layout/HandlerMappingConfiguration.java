package io.newsstand.web.layout;

import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Gives Spring MVC {@link FirstSegmentHandlerMapping} as its request mapping;
 * Spring Boot configures it as it would its own.
 */
@Configuration(proxyBeanMethods = false)
class HandlerMappingConfiguration {

	@Bean
	WebMvcRegistrations firstSegmentHandlerMapping() {
		return new WebMvcRegistrations() {
			@Override
			public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
				return new FirstSegmentHandlerMapping();
			}
		};
	}

}
