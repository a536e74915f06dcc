package io.newsstand.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * {@code POST /stripe/webhook} refuses bodies over 256 KiB with a 413 before
 * reading them: a client that announces 40 MB and sends 1 KiB gets its answer
 * at once, and a chunked body is read only one byte past the limit.
 */
@BillingTest(properties = "newsstand.billing.sandbox.webhook-max-attempts=7")
class WebhookBodyLimitTest {

	@LocalServerPort
	int port;

	@Test
	void aBodyAnnouncedOverTheLimitIsRefusedBeforeItIsSent() throws IOException {
		try (Socket socket = new Socket("127.0.0.1", this.port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write(("POST /stripe/webhook HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
					+ "Stripe-Signature: t=1,v1=00\r\nContent-Length: 40000000\r\n\r\n")
					.getBytes(StandardCharsets.US_ASCII));
			out.write(new byte[1024]);
			out.flush();
			// The other 39.99 MB are never sent: the answer must come anyway.
			assertThat(statusLine(socket)).startsWith("HTTP/1.1 413");
		}
	}

	@Test
	void aChunkedBodyOverTheLimitIsRefused() throws IOException {
		try (Socket socket = new Socket("127.0.0.1", this.port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write(("POST /stripe/webhook HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
					+ "Stripe-Signature: t=1,v1=00\r\nTransfer-Encoding: chunked\r\n\r\n")
					.getBytes(StandardCharsets.US_ASCII));
			byte[] chunk = new byte[64 * 1024];
			Arrays.fill(chunk, (byte) 'x');
			// 320 KiB in five chunks, and then the stream stays open: the server must
			// answer without waiting for the end of the body.
			for (int i = 0; i < 5; i++) {
				out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
				out.write(chunk);
				out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
			}
			out.flush();
			assertThat(statusLine(socket)).startsWith("HTTP/1.1 413");
		}
	}

	@Test
	void aSmallBodyStillReachesTheSignatureCheck() throws IOException {
		try (Socket socket = new Socket("127.0.0.1", this.port)) {
			socket.setSoTimeout(10_000);
			byte[] body = "{\"id\":\"evt_1\"}".getBytes(StandardCharsets.UTF_8);
			OutputStream out = socket.getOutputStream();
			out.write(("POST /stripe/webhook HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
					+ "Stripe-Signature: t=1,v1=00\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n")
					.getBytes(StandardCharsets.US_ASCII));
			out.write(body);
			out.flush();
			assertThat(statusLine(socket)).startsWith("HTTP/1.1 400");
		}
	}

	private static String statusLine(Socket socket) throws IOException {
		return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)).readLine();
	}

}
