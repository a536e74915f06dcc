package io.newsstand.web.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.ui.ExtendedModelMap;
import org.springframework.web.server.ResponseStatusException;

class OutboxControllerTest {

	private final Mailer mailer = mock(Mailer.class);

	private final Outbox outbox = mock(Outbox.class);

	private final OutboxController controller = new OutboxController(this.mailer, this.outbox);

	private static MockHttpServletRequest from(String address) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/dev/outbox");
		request.setRemoteAddr(address);
		return request;
	}

	@Test
	void aBrowserOnThisMachineReadsTheOutbox() {
		given(this.mailer.usesOutbox()).willReturn(true);
		given(this.outbox.messages()).willReturn(List.of());
		assertThat(this.controller.outbox(new ExtendedModelMap(), from("127.0.0.1"))).isEqualTo("mail/outbox");
		assertThat(this.controller.outbox(new ExtendedModelMap(), from("0:0:0:0:0:0:0:1"))).isEqualTo("mail/outbox");
	}

	@Test
	void anyoneElseIsToldThereIsNoSuchPageBecauseItHoldsResetLinks() {
		given(this.mailer.usesOutbox()).willReturn(true);
		for (String address : new String[]{"203.0.113.5", "10.0.0.2", "::ffff:203.0.113.5", "not-an-address"}) {
			assertThatExceptionOfType(ResponseStatusException.class)
					.isThrownBy(() -> this.controller.outbox(new ExtendedModelMap(), from(address))).as(address)
					.satisfies(ex -> assertThat(ex.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND));
		}
	}

	@Test
	void aLoopbackPeerWithAnyForwardingHeaderIsNotDirect() {
		given(this.mailer.usesOutbox()).willReturn(true);
		for (String header : new String[]{"X-Forwarded-For", "Forwarded", "X-Real-IP"}) {
			MockHttpServletRequest request = from("127.0.0.1");
			request.addHeader(header, "127.0.0.1");
			assertThatExceptionOfType(ResponseStatusException.class)
					.isThrownBy(() -> this.controller.outbox(new ExtendedModelMap(), request)).as(header);
			assertThatExceptionOfType(ResponseStatusException.class)
					.isThrownBy(() -> this.controller.outboxJson(request)).as(header);
		}
	}

	@Test
	void anAdminReadsItFromAnywhere() {
		given(this.mailer.usesOutbox()).willReturn(true);
		given(this.outbox.messages()).willReturn(List.of());
		MockHttpServletRequest request = from("203.0.113.5");
		request.addUserRole("ADMIN");
		assertThat(this.controller.outbox(new ExtendedModelMap(), request)).isEqualTo("mail/outbox");
	}

	@Test
	void withSmtpThereIsNoOutboxEvenOnThisMachine() {
		given(this.mailer.usesOutbox()).willReturn(false);
		assertThatExceptionOfType(ResponseStatusException.class)
				.isThrownBy(() -> this.controller.outbox(new ExtendedModelMap(), from("127.0.0.1")));
	}

}
