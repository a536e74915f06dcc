package io.newsstand.web.mail;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsstand.web.site.SiteTest;
import org.junit.jupiter.api.Test;

/**
 * The app behind a proxy on its own machine: the proxy's forwarded address, not
 * the loopback peer, decides whether the outbox (which holds reset links)
 * shows.
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
	}

}
