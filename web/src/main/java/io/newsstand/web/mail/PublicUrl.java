package io.newsstand.web.mail;

import io.newsstand.web.layout.WebProperties;
import java.net.URI;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * Absolute links for e-mails: {@code newsstand.web.public-url}, or
 * {@code http://localhost:<port>} when it is blank. Never the request's Host
 * header, which would let anyone mail a reader a reset link to their own
 * server.
 */
@Component
public class PublicUrl {

	private final WebProperties properties;

	private final ApplicationContext context;

	PublicUrl(WebProperties properties, ApplicationContext context) {
		this.properties = properties;
		this.context = context;
	}

	public String resolve(String path) {
		URI base = this.properties.publicUrl();
		if (base != null) {
			String text = base.toString();
			return (text.endsWith("/") ? text.substring(0, text.length() - 1) : text) + path;
		}
		int port = (this.context instanceof WebServerApplicationContext web && web.getWebServer() != null)
				? web.getWebServer().getPort()
				: 8080;
		return "http://localhost:" + port + path;
	}

}
