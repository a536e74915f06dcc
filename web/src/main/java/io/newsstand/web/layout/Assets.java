package io.newsstand.web.layout;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

/**
 * The public URL of a static file: {@code /css/site.css} becomes
 * {@code /css/site-<md5 of its content>.css}, so browsers may keep it for a
 * year and still fetch a changed file at once (docs/offline.md, "Static
 * delivery"). Files outside the fingerprinted folders keep their path.
 */
@Component
public class Assets {

	private final ResourceUrlProvider urls;

	/**
	 * Public URLs by path. The paths are the templates' own (a few dozen), and a
	 * file's fingerprint is fixed for the life of the process (the jar's files do
	 * not change), so each is looked up once: the lookup matches the path against
	 * every resource handler, and a page asks for about ten.
	 */
	private final Map<String, String> resolved = new ConcurrentHashMap<>();

	Assets(@Qualifier("mvcResourceUrlProvider") ResourceUrlProvider urls) {
		this.urls = urls;
	}

	public String url(String path) {
		return this.resolved.computeIfAbsent(path, this::lookUp);
	}

	private String lookUp(String path) {
		String versioned = this.urls.getForLookupPath(path);
		return (versioned != null) ? versioned : path;
	}

}
