package io.newsstand.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsstand.web.site.SiteTest;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The OpenAPI document stays true: it is served, and every endpoint of this
 * application is in it.
 */
@ResourceLock(SiteTest.CLOCK)
class OpenApiDocumentTest extends SiteTest {

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Test
	void everyApiEndpointIsDocumented() {
		String document = client().get("/api/v1/openapi.yaml").body();
		Set<String> documented = Pattern.compile("(?m)^  (/api/v1/\\S+):$").matcher(document).results()
				.map(match -> match.group(1)).collect(Collectors.toSet());
		Set<String> served = this.mappings.getHandlerMethods().entrySet().stream()
				.filter(entry -> entry.getValue() instanceof HandlerMethod method
						&& method.getBeanType().getPackageName().startsWith("io.newsstand.web."))
				.flatMap(entry -> entry.getKey().getPatternValues().stream())
				.filter(pattern -> pattern.startsWith("/api/")).collect(Collectors.toSet());
		assertThat(served).isNotEmpty();
		assertThat(documented).containsAll(served);
	}

}
