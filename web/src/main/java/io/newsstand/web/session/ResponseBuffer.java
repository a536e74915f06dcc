package io.newsstand.web.session;

import jakarta.servlet.Filter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * A 64 KB response buffer (the servlet default is 8 KB), so that a page is
 * committed once, when it is complete. Spring Session saves the session when
 * the response commits and again at the end of the request; after an early
 * commit the second save reads the whole session from Redis again (one more
 * {@code HGETALL} per page bigger than the buffer).
 */
@Configuration(proxyBeanMethods = false)
class ResponseBuffer {

	static final int SIZE = 64 * 1024;

	@Bean
	FilterRegistrationBean<Filter> responseBufferFilter() {
		FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>((request, response, chain) -> {
			if (response.getBufferSize() < SIZE) {
				response.setBufferSize(SIZE);
			}
			chain.doFilter(request, response);
		});
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

}
