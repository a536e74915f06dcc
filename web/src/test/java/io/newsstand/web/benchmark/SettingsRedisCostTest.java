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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * Reader settings cost a signed-in page no Redis command: they come with the
 * session, which the page loads anyway (watched with MONITOR, counting only
 * this reader's keys). A cached "For you" costs the session and the personal
 * version, as it did before settings existed (PersonalRedisCostTest).
 */
@ResourceLock(SiteTest.CLOCK)
class SettingsRedisCostTest extends SiteTest {

	@Autowired
	LettuceConnectionFactory redis;

	@Autowired
	AccountStore accounts;

	@Test
	void aSignedInPageAppliesTheReadersSettingsWithoutReadingThem() throws Exception {
		String email = uniqueEmail("settings-cost");
		SiteClient reader = client();
		reader.signUp(email, "copper orbit meadow");
		reader.submit("/settings", "/settings", "textSize", "larger", "theme", "dark");
		String cookie = reader.cookie("SESSION").orElseThrow();
		String session = new String(Base64.getDecoder().decode(cookie), StandardCharsets.UTF_8);
		String account = this.accounts.findByEmail(email).orElseThrow().id();
		get("/for-you", cookie);
		try (RedisMonitor monitor = new RedisMonitor("127.0.0.1", this.redis.getPort())) {
			monitor.clear();
			String page = get("/for-you", cookie);
			assertThat(page).contains("data-theme=\"dark\" data-text-size=\"larger\"");
			List<String> forYou = mine(monitor.commands(), session, account);
			System.out.println("Redis commands for a signed-in, cached For you page: " + forYou.size() + " " + forYou);
			assertThat(forYou).as("the session and the personal version, nothing for settings").hasSize(2)
					.noneMatch(line -> line.contains(":settings"));

			monitor.clear();
			get("/", cookie);
			List<String> front = mine(monitor.commands(), session, account);
			System.out.println("Redis commands for a signed-in front page: " + front.size() + " " + front);
			assertThat(front).noneMatch(line -> line.contains(":settings"));
		}
	}

	private static List<String> mine(List<String> commands, String session, String account) {
		return commands.stream().filter(line -> !line.contains(" lua]"))
				.filter(line -> line.contains(session) || line.contains(account)).toList();
	}

	private String get(String path, String cookie) throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
						.header("Cookie", "SESSION=" + cookie).build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		return response.body();
	}

}
