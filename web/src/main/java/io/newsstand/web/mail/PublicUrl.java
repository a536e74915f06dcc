package io.newsstand.web.mail;

import io.newsstand.web.config.WebProperties;
import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
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

	private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

	/** Hex groups and colons, with an optional dotted IPv4 tail or zone id. */
	private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}(%[0-9A-Za-z]{1,15})?");

	private final WebProperties properties;

	private final ApplicationContext context;

	private volatile int port;

	PublicUrl(WebProperties properties, ApplicationContext context) {
		this.properties = properties;
		this.context = context;
	}

	/**
	 * A link that brings the reader's own browser back to this app after a page
	 * elsewhere (Stripe's checkout and portal): the configured public URL, or, when
	 * none is configured, the scheme, host and port this request came with, so a
	 * reader on {@code http://127.0.0.1:8080} returns there with the session cookie
	 * of that host, signed in. The request's host is followed only when it names
	 * this machine as the connection reached it: {@code localhost} or a loopback
	 * address, or the very address the connection arrived at, and the port it
	 * arrived on. Any other {@code Host} (or a {@code X-Forwarded-Host} from a
	 * trusted proxy) falls back to {@link #resolve}: a forged header must not have
	 * Stripe send anyone to a foreign site with a checkout session id.
	 */
	public String forRequest(HttpServletRequest request, String path) {
		String scheme = request.getScheme();
		String host = request.getServerName();
		int port = request.getServerPort();
		if (this.properties.publicUrl() != null || !("http".equals(scheme) || "https".equals(scheme)) || host == null
				|| !HOST.matcher(host).matches() || port != request.getLocalPort()
				|| !thisMachine(host, request.getLocalAddr())) {
			return resolve(path);
		}
		boolean usualPort = ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
		String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
		String shownHost = bare.indexOf(':') >= 0 ? "[" + bare + "]" : bare;
		return scheme + "://" + shownHost + (usualPort ? "" : ":" + port) + path;
	}

	/**
	 * Whether a Host names this machine without a DNS look-up (whose answer the
	 * sender of the header may control): {@code localhost}, a loopback address, or
	 * the local address of the connection, written as an IP literal.
	 */
	static boolean thisMachine(String host, @Nullable String localAddress) {
		if ("localhost".equalsIgnoreCase(host)) {
			return true;
		}
		InetAddress address = literal(host);
		if (address == null) {
			return false;
		}
		return address.isLoopbackAddress() || address.equals(literal(localAddress));
	}

	/** An IPv4 or IPv6 literal, parsed without any look-up; null for a name. */
	private static @Nullable InetAddress literal(@Nullable String host) {
		if (host == null) {
			return null;
		}
		String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
		try {
			if (IPV4.matcher(bare).matches()) {
				byte[] bytes = new byte[4];
				String[] parts = bare.split("\\.");
				for (int i = 0; i < 4; i++) {
					int part = Integer.parseInt(parts[i]);
					if (part > 255) {
						return null;
					}
					bytes[i] = (byte) part;
				}
				return InetAddress.getByAddress(bytes);
			}
			// With a colon, the JDK reads an IPv6 literal and never looks the text up.
			return (bare.indexOf(':') >= 0 && IPV6.matcher(bare).matches()) ? InetAddress.getByName(bare) : null;
		} catch (UnknownHostException ex) {
			return null;
		}
	}

	public String resolve(String path) {
		URI base = this.properties.publicUrl();
		if (base != null) {
			String text = base.toString();
			return (text.endsWith("/") ? text.substring(0, text.length() - 1) : text) + path;
		}
		return "http://localhost:" + port() + path;
	}

	/**
	 * The web server's port, looked up until it has one and then kept: Tomcat
	 * answers it through reflection, which cost every article page 5 % of its time.
	 */
	private int port() {
		int known = this.port;
		if (known > 0) {
			return known;
		}
		if (this.context instanceof WebServerApplicationContext web && web.getWebServer() != null) {
			int port = web.getWebServer().getPort();
			if (port > 0) {
				this.port = port;
			}
			return port;
		}
		return 8080;
	}

}
