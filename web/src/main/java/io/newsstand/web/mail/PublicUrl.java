package io.newsstand.web.mail;

import io.newsstand.web.config.WebProperties;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.regex.Pattern;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * Absolute links for e-mails: {@code newsstand.web.public-url}, or
 * {@code http://localhost:<port>} when it is blank. Never the request's Host
 * header, which would let anyone mail a reader a reset link to their own
 * server. {@link #forRequest} is the one exception, for links that only send
 * the same browser back here (Stripe's success, cancel and return URLs).
 */
@Component
public class PublicUrl {

	/** A DNS name, an IPv4 address or a bracketed or bare IPv6 address. */
	private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.-]{1,253}|\\[?[0-9A-Fa-f:.]{2,45}]?");

	private final WebProperties properties;

	private final ApplicationContext context;

	PublicUrl(WebProperties properties, ApplicationContext context) {
		this.properties = properties;
		this.context = context;
	}

	/**
	 * A link that brings the reader's own browser back to this app after a page
	 * elsewhere (Stripe's checkout and portal): the configured public URL, or, when
	 * none is configured, the scheme, host and port this request came with, so a
	 * reader on {@code http://127.0.0.1:8080} returns there with the session cookie
	 * of that host, signed in. A forged Host header only sends the forger's own
	 * browser astray; a host that is not a plain name or address falls back to
	 * {@link #resolve}.
	 */
	public String forRequest(HttpServletRequest request, String path) {
		String scheme = request.getScheme();
		String host = request.getServerName();
		if (this.properties.publicUrl() != null || !("http".equals(scheme) || "https".equals(scheme)) || host == null
				|| !HOST.matcher(host).matches()) {
			return resolve(path);
		}
		int port = request.getServerPort();
		boolean usualPort = port <= 0 || ("http".equals(scheme) && port == 80)
				|| ("https".equals(scheme) && port == 443);
		String shownHost = host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host;
		return scheme + "://" + shownHost + (usualPort ? "" : ":" + port) + path;
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
