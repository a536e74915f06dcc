package io.newsstand.web.layout;

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

	Assets(@Qualifier("mvcResourceUrlProvider") ResourceUrlProvider urls) {
		this.urls = urls;
	}

	public String url(String path) {
		String versioned = this.urls.getForLookupPath(path);
		return (versioned != null) ? versioned : path;
	}

}
