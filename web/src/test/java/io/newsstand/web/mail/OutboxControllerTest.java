package io.newsstand.web.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.ui.ExtendedModelMap;
import org.springframework.web.server.ResponseStatusException;
import tools.jackson.databind.json.JsonMapper;

class OutboxControllerTest {

	private final Mailer mailer = mock(Mailer.class);

	private final Outbox outbox = mock(Outbox.class);

	private final OutboxController controller = new OutboxController(this.mailer, this.outbox,
			JsonMapper.builder().build());

	private String outbox(MockHttpServletRequest request) throws IOException {
		return this.controller.outbox(new ExtendedModelMap(), request, new MockHttpServletResponse());
	}

	@Test
	void scriptsAskingForJsonGetJsonAndBrowsersThePage() throws Exception {
		given(this.mailer.usesOutbox()).willReturn(true);
		given(this.outbox.messages()).willReturn(List.of(new Outbox.Stored("ann@example.com", "Hello",
				"Open http://localhost:8080/verify-email/abc now.", Instant.parse("2026-03-02T09:00:00Z"))));
		MockHttpServletRequest script = from("127.0.0.1");
		script.addHeader("Accept", "application/json");
		MockHttpServletResponse response = new MockHttpServletResponse();
		assertThat(this.controller.outbox(new ExtendedModelMap(), script, response)).isNull();
		assertThat(response.getContentType()).startsWith("application/json");
		assertThat(response.getContentAsString()).contains("\"to\":\"ann@example.com\"", "\"subject\":\"Hello\"",
				"\"links\":[\"http://localhost:8080/verify-email/abc\"]");
		MockHttpServletRequest browser = from("127.0.0.1");
		browser.addHeader("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
		assertThat(outbox(browser)).isEqualTo("mail/outbox");
	}

	private static MockHttpServletRequest from(String address) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/dev/outbox");
		request.setRemoteAddr(address);
		return request;
	}

	@Test
	void aBrowserOnThisMachineReadsTheOutbox() throws Exception {
		given(this.mailer.usesOutbox()).willReturn(true);
		given(this.outbox.messages()).willReturn(List.of());
		assertThat(outbox(from("127.0.0.1"))).isEqualTo("mail/outbox");
		assertThat(outbox(from("0:0:0:0:0:0:0:1"))).isEqualTo("mail/outbox");
	}

	@Test
	void anyoneElseIsToldThereIsNoSuchPageBecauseItHoldsResetLinks() {
		given(this.mailer.usesOutbox()).willReturn(true);
		for (String address : new String[]{"203.0.113.5", "10.0.0.2", "::ffff:203.0.113.5", "not-an-address"}) {
			assertThatExceptionOfType(ResponseStatusException.class).isThrownBy(() -> outbox(from(address))).as(address)
					.satisfies(ex -> assertThat(ex.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND));
		}
	}

	@Test
	void aLoopbackPeerWithAnyForwardingHeaderIsNotDirect() {
		given(this.mailer.usesOutbox()).willReturn(true);
		for (String header : new String[]{"X-Forwarded-For", "Forwarded", "X-Real-IP"}) {
			MockHttpServletRequest request = from("127.0.0.1");
			request.addHeader(header, "127.0.0.1");
			assertThatExceptionOfType(ResponseStatusException.class).isThrownBy(() -> outbox(request)).as(header);
			request.addHeader("Accept", "application/json");
			assertThatExceptionOfType(ResponseStatusException.class).isThrownBy(() -> outbox(request)).as(header);
		}
	}

	@Test
	void anAdminReadsItFromAnywhere() throws Exception {
		given(this.mailer.usesOutbox()).willReturn(true);
		given(this.outbox.messages()).willReturn(List.of());
		MockHttpServletRequest request = from("203.0.113.5");
		request.addUserRole("ADMIN");
		assertThat(outbox(request)).isEqualTo("mail/outbox");
	}

	@Test
	void withSmtpThereIsNoOutboxEvenOnThisMachine() {
		given(this.mailer.usesOutbox()).willReturn(false);
		assertThatExceptionOfType(ResponseStatusException.class).isThrownBy(() -> outbox(from("127.0.0.1")));
	}

}
