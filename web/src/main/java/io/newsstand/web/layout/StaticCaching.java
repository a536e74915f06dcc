package io.newsstand.web.layout;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.regex.Pattern;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.ResourceHttpRequestHandler;

/**
 * Cache lifetimes of static files. A fingerprinted URL ({@code site-<md5>.css})
 * names one content forever, so any cache may keep it a year without asking
 * again; the resource chain answers 404 when the fingerprint does not match the
 * file, so no stale content can be pinned under a new name. Unversioned paths
 * are revalidated on every use, except the icons, which change rarely and are
 * asked for by browsers on their own.
 * <p>
 * Pages are left to Spring Security's {@code no-cache, no-store}: no shared
 * cache keeps HTML, which may name the reader or carry paid text.
 */
@Configuration(proxyBeanMethods = false)
class StaticCaching implements WebMvcConfigurer {

	static final String IMMUTABLE = "public, max-age=31536000, immutable";

	static final String ICONS = "public, max-age=86400";

	static final String REVALIDATE = "no-cache";

	private static final Pattern FINGERPRINTED = Pattern.compile("-[0-9a-f]{32}\\.[a-z0-9]+$");

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new HandlerInterceptor() {
			@Override
			public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
				if (handler instanceof ResourceHttpRequestHandler) {
					response.setHeader(HttpHeaders.CACHE_CONTROL, cacheControl(request.getRequestURI()));
				}
				return true;
			}
		});
	}

	static String cacheControl(String path) {
		if (FINGERPRINTED.matcher(path).find()) {
			return IMMUTABLE;
		}
		if (path.equals("/favicon.ico") || path.startsWith("/icons/")) {
			return ICONS;
		}
		return REVALIDATE;
	}

}
