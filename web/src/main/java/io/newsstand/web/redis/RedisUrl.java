package io.newsstand.web.redis;

import io.newsstand.web.startup.InvalidSettingException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/** A parsed and checked {@code redis://} or {@code rediss://} URL. */
record RedisUrl(String host, int port, int database, @Nullable String username, @Nullable String password,
		boolean ssl) {

	static final String PROPERTY = "newsstand.redis.url";

	private static final String ACTION = "Set NEWSSTAND_REDIS_URL to redis://[user:password@]host[:port][/database] "
			+ "(rediss:// for TLS), or unset it to use the embedded Redis.";

	static RedisUrl parse(String value) {
		URI uri;
		try {
			uri = new URI(value.strip());
		} catch (URISyntaxException ex) {
			throw invalid("'" + redact(value) + "' is not a URL (" + ex.getReason() + ")");
		}
		String scheme = uri.getScheme();
		if (!"redis".equals(scheme) && !"rediss".equals(scheme)) {
			throw invalid("'" + redact(value) + "' must start with redis:// or rediss://");
		}
		if (uri.getHost() == null || uri.getHost().isBlank()) {
			throw invalid("'" + redact(value) + "' names no host");
		}
		int port = (uri.getPort() != -1) ? uri.getPort() : 6379;
		int database = parseDatabase(uri, value);
		String username = null;
		String password = null;
		String userInfo = uri.getRawUserInfo();
		if (userInfo != null && !userInfo.isEmpty()) {
			int colon = userInfo.indexOf(':');
			if (colon < 0) {
				password = decode(userInfo);
			} else {
				username = (colon > 0) ? decode(userInfo.substring(0, colon)) : null;
				password = decode(userInfo.substring(colon + 1));
			}
		}
		return new RedisUrl(uri.getHost(), port, database, username, password, "rediss".equals(scheme));
	}

	private static int parseDatabase(URI uri, String value) {
		String path = uri.getPath();
		if (path == null || path.isEmpty() || path.equals("/")) {
			return 0;
		}
		try {
			int database = Integer.parseInt(path.substring(1));
			if (database < 0) {
				throw new NumberFormatException();
			}
			return database;
		} catch (NumberFormatException ex) {
			throw invalid("'" + redact(value) + "' has '" + path + "' where a database number belongs");
		}
	}

	private static String decode(String part) {
		return URLDecoder.decode(part, StandardCharsets.UTF_8);
	}

	private static InvalidSettingException invalid(String problem) {
		return new InvalidSettingException(PROPERTY, problem, ACTION);
	}

	/** The URL without its password, for logs and error messages. */
	String redacted() {
		String auth = (this.password == null) ? "" : ((this.username != null) ? this.username : "") + ":****@";
		return (this.ssl ? "rediss" : "redis") + "://" + auth + this.host + ":" + this.port + "/" + this.database;
	}

	static String redact(String value) {
		return value.replaceAll("(?<=://)([^@/]*)@", "****@");
	}

	static String action() {
		return ACTION;
	}

}
