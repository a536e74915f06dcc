package io.newsstand.web.mail;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsstand.web.site.SiteClient;
import io.newsstand.web.site.SiteTest;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Who reads the development outbox (which holds reset and verification links):
 * a client on this machine that connects directly, with no forwarding header.
 * Nobody's forwarding headers are trusted unless an operator lists the proxy
 * (none by default), and any forwarding header at all means "not direct".
 */
class OutboxAccessTest extends SiteTest {

	@Test
	void aReaderComingThroughAProxyOnThisMachineDoesNotSeeTheOutbox() {
		assertThat(client().get("/dev/outbox").statusCode()).as("a browser on this machine").isEqualTo(200);
		assertThat(client().get("/dev/outbox", "X-Forwarded-For", "203.0.113.9").statusCode())
				.as("a reader elsewhere, through a local proxy").isEqualTo(404);
	}

	@Test
	void aReaderCannotClaimToBeLocal() {
		assertThat(client().get("/dev/outbox", "X-Forwarded-For", "127.0.0.1, 203.0.113.9").statusCode())
				.isEqualTo(404);
		assertThat(client().get("/dev/outbox", "Forwarded", "for=127.0.0.1").statusCode()).isEqualTo(404);
		assertThat(
				client().get("/dev/outbox", "Accept", "application/json", "X-Forwarded-For", "127.0.0.1").statusCode())
				.as("the JSON outbox follows the same rule").isEqualTo(404);
	}

	/**
	 * A peer on a private network (not this machine) that says it forwards for
	 * 127.0.0.1. Connects to one of this machine's own private-network addresses,
	 * so that the app sees that address, not loopback, as the peer.
	 */
	@Test
	void aPrivateNetworkPeerForwardingFor127001DoesNotSeeTheOutbox() throws Exception {
		InetAddress privateAddress = privateAddressOfThisMachine();
		Assumptions.assumeTrue(privateAddress != null, "this machine has no private-network address to connect from");
		String host = (privateAddress instanceof Inet6Address)
				? "[" + privateAddress.getHostAddress().replaceAll("%.*", "") + "]"
				: privateAddress.getHostAddress();
		SiteClient peer = new SiteClient("http://" + host + ":" + this.port);
		assertThat(peer.get("/dev/outbox").statusCode()).as("the private peer itself").isEqualTo(404);
		assertThat(peer.get("/dev/outbox", "X-Forwarded-For", "127.0.0.1").statusCode()).isIn(403, 404);
		assertThat(peer.get("/dev/outbox", "Accept", "application/json", "X-Forwarded-For", "127.0.0.1").statusCode())
				.isIn(403, 404);
	}

	@Test
	void aScriptOnThisMachineReadsTheOutboxAsJsonWithRecipientsSubjectsAndLinks() {
		String email = uniqueEmail("scripted");
		client().signUpOnly(email, "walnut beacon meadow");
		List<Map<String, Object>> outbox = client().outbox();
		assertThat(outbox).anySatisfy(message -> {
			assertThat(message.get("to")).isEqualTo(email);
			assertThat(message.get("subject")).isEqualTo("Confirm your e-mail address for Newsstand");
			assertThat((List<?>) message.get("links")).singleElement().asString().contains("/verify-email/");
			assertThat(message).containsKey("sentAt");
		});
	}

	/**
	 * An address of this machine in 10/8, 172.16/12, 192.168/16, 100.64/10 or
	 * fc00::/7.
	 */
	private static InetAddress privateAddressOfThisMachine() throws Exception {
		for (NetworkInterface network : Collections.list(NetworkInterface.getNetworkInterfaces())) {
			if (!network.isUp() || network.isLoopback()) {
				continue;
			}
			for (InetAddress address : Collections.list(network.getInetAddresses())) {
				byte[] bytes = address.getAddress();
				boolean uniqueLocal = address instanceof Inet6Address && (bytes[0] & 0xfe) == 0xfc;
				boolean carrierGrade = bytes.length == 4 && (bytes[0] & 0xff) == 100 && (bytes[1] & 0xc0) == 64;
				if (address.isSiteLocalAddress() || uniqueLocal || carrierGrade) {
					return address;
				}
			}
		}
		return null;
	}

}
