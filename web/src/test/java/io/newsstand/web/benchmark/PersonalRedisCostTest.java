package io.newsstand.web.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsstand.web.account.AccountStore;
import io.newsstand.web.site.SiteClient;
import io.newsstand.web.site.SiteTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * What the personal space costs in Redis per request (watched with MONITOR,
 * counting only this reader's keys, since other tests share the server).
 */
@ResourceLock(SiteTest.CLOCK)
class PersonalRedisCostTest extends SiteTest {

	@Autowired
	LettuceConnectionFactory redis;

	@Test
	void aSignedInArticleViewReadsTheSessionOnceAndGetsTheButtonsStateFromTheHistoryWrite() throws Exception {
		SiteClient reader = client();
		reader.signUp(uniqueEmail("cost"), "copper kettle orbit");
		String cookie = reader.cookie("SESSION").orElseThrow();
		// Spring Session's cookie holds the session id in Base64.
		String session = new String(Base64.getDecoder().decode(cookie), StandardCharsets.UTF_8);
		String page = reader.get("/articles/paid-1").body();
		assertThat(page.length()).as("bigger than the servlet's default 8 KB buffer").isGreaterThan(8 * 1024);
		String account = account(reader);
		try (RedisMonitor monitor = new RedisMonitor("127.0.0.1", this.redis.getPort())) {
			monitor.clear();
			get("/articles/paid-1", cookie);
			List<String> mine = mine(monitor.commands(), session, account);
			assertThat(count(mine, "\"HGETALL\" \"newsstand:session:sessions:" + session + "\"")).as(mine.toString())
					.isEqualTo(1);
			assertThat(count(mine, ":history\" \"")).as("the history script").isEqualTo(1);
			assertThat(count(mine, ":follows\"")).as("the buttons' state comes back from the history script: " + mine)
					.isEqualTo(1);
			assertThat(count(mine, "\"ZSCORE\"")).as(mine.toString()).isZero();
			assertThat(count(mine, "\"HGETALL\" \"newsstand:web:account:")).as(mine.toString()).isZero();

			get("/for-you", cookie);
			monitor.clear();
			get("/for-you", cookie);
			List<String> forYou = mine(monitor.commands(), session, account);
			assertThat(forYou).as("a cached For you costs the session and the personal version").hasSize(2);
			assertThat(count(forYou, "\"GET\" \"newsstand:web:account:{" + account + "}:personal-version\""))
					.isEqualTo(1);
		}
	}

	private static List<String> mine(List<String> commands, String session, String account) {
		return commands.stream().filter(line -> !line.contains("[0 lua]") && !line.contains(" lua]"))
				.filter(line -> line.contains(session) || line.contains(account)).toList();
	}

	private static long count(List<String> lines, String text) {
		return lines.stream().filter(line -> line.contains(text)).count();
	}

	private String account(SiteClient reader) {
		String email = Pattern.compile("Signed in as <strong>([^<]+)</strong>").matcher(reader.get("/account").body())
				.results().findFirst().orElseThrow().group(1);
		return this.accounts.findByEmail(email).orElseThrow().id();
	}

	@Autowired
	AccountStore accounts;

	private void get(String path, String cookie) throws Exception {
		HttpResponse<Void> response = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
						.header("Cookie", "SESSION=" + cookie).build(), HttpResponse.BodyHandlers.discarding());
		assertThat(response.statusCode()).isEqualTo(200);
	}

}
