package io.newsstand.web.limits;

import jakarta.servlet.http.HttpServletRequest;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The client a per-address limit counts: the request's remote address (which
 * the server's forwarded-header handling has already set from a trusted proxy),
 * with an IPv6 address cut to its /64. One IPv6 subscriber holds a whole /64,
 * so counting single addresses would hand them 2^64 fresh budgets.
 */
public final class ClientAddress {

	private ClientAddress() {
	}

	public static String of(HttpServletRequest request) {
		return of(request.getRemoteAddr());
	}

	/** The client of a remote address as the servlet container reports it. */
	public static String of(String address) {
		if (address.indexOf(':') < 0) {
			return address;
		}
		try {
			// A literal address: no lookup happens.
			InetAddress parsed = InetAddress.getByName(address);
			if (parsed instanceof Inet6Address) {
				byte[] bytes = parsed.getAddress();
				StringBuilder prefix = new StringBuilder();
				for (int i = 0; i < 8; i += 2) {
					prefix.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff))).append(':');
				}
				return prefix.append(":/64").toString();
			}
			return parsed.getHostAddress();
		} catch (UnknownHostException ex) {
			return address;
		}
	}

}
