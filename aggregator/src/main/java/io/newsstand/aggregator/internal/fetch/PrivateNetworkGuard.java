package io.newsstand.aggregator.internal.fetch;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Refuses feed URLs whose host resolves to loopback, private, link-local,
 * carrier-grade NAT, unique-local or cloud metadata addresses, unless the
 * operator allowed the host ({@code host} or {@code host:port}) explicitly.
 * Checked before the first request and before every redirect hop. The JDK
 * client resolves the name again when it connects, so a DNS answer that changes
 * in between (rebinding) is not caught here; see docs/architecture.md.
 */
public final class PrivateNetworkGuard {

	private final Set<String> allowed = ConcurrentHashMap.newKeySet();

	public PrivateNetworkGuard(Collection<String> allowedHosts) {
		allowedHosts.forEach(this::allow);
	}

	/** Allows one more {@code host} or {@code host:port} (the app's own). */
	public void allow(String hostOrHostPort) {
		this.allowed.add(hostOrHostPort.strip().toLowerCase(Locale.ROOT));
	}

	/**
	 * @return why the URL is refused, or {@code null} when it may be fetched
	 */
	public @Nullable String refusal(URI url) {
		String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
		if (!scheme.equals("http") && !scheme.equals("https")) {
			return "only http and https URLs are fetched: " + url;
		}
		String host = url.getHost();
		if (host == null) {
			return "URL has no host: " + url;
		}
		host = host.toLowerCase(Locale.ROOT);
		int port = url.getPort() != -1 ? url.getPort() : scheme.equals("https") ? 443 : 80;
		if (this.allowed.contains(host) || this.allowed.contains(host + ":" + port)) {
			return null;
		}
		InetAddress[] addresses;
		try {
			addresses = InetAddress.getAllByName(host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
		} catch (UnknownHostException ex) {
			return null; // the fetch itself reports the unknown host
		}
		for (InetAddress address : addresses) {
			if (isPrivate(address)) {
				return "refused: " + host + " resolves to private address " + address.getHostAddress()
						+ " (allow it with newsstand.aggregator.allowed-private-hosts)";
			}
		}
		return null;
	}

	static boolean isPrivate(InetAddress address) {
		if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
				|| address.isAnyLocalAddress() || address.isMulticastAddress()) {
			return true;
		}
		byte[] bytes = address.getAddress();
		if (address instanceof Inet4Address) {
			int first = bytes[0] & 0xff;
			int second = bytes[1] & 0xff;
			return first == 0 || (first == 100 && second >= 64 && second < 128) // carrier-grade NAT
					|| (first == 192 && second == 0 && (bytes[2] & 0xff) == 0) // IETF protocol assignments
					|| first >= 240;
		}
		if (address instanceof Inet6Address) {
			return (bytes[0] & 0xfe) == 0xfc; // unique local fc00::/7 (incl. fd00:ec2::254 metadata)
		}
		return false;
	}

}
