package io.newsstand.web.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsstand.web.startup.InvalidSettingException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Bad Redis settings stop the app with one message naming the setting, and no
 * stack trace. Isolated so that no other test's output lands in what is
 * captured.
 */
@Isolated
@ExtendWith(OutputCaptureExtension.class)
class StartupFailureTest {

	@TempDir
	Path tempDir;

	@Test
	void malformedRedisUrlIsRefusedNamingTheSetting(CapturedOutput output) {
		assertThatThrownBy(() -> TestApp.start("newsstand.redis.url=http://localhost:6379"))
				.hasRootCauseInstanceOf(InvalidSettingException.class);
		assertOneClearMessage(output, "newsstand.redis.url (NEWSSTAND_REDIS_URL): 'http://localhost:6379' must start "
				+ "with redis:// or rediss://");
	}

	@Test
	void unreachableRedisUrlIsRefusedNamingTheSetting(CapturedOutput output) throws IOException {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		assertThatThrownBy(() -> TestApp.start("newsstand.redis.url=redis://:pw@127.0.0.1:" + closedPort))
				.hasRootCauseInstanceOf(ConnectException.class);
		assertOneClearMessage(output,
				"newsstand.redis.url (NEWSSTAND_REDIS_URL): cannot reach Redis at redis://:****@127.0.0.1:"
						+ closedPort);
		assertThat(output).doesNotContain(":pw@");
	}

	@Test
	void dataDirectoryThatCannotBeCreatedIsRefusedNamingTheSetting(CapturedOutput output) throws IOException {
		Path file = Files.writeString(this.tempDir.resolve("a-file"), "not a directory");
		assertThatThrownBy(() -> TestApp.start("newsstand.redis.data-dir=" + file.resolve("redis")))
				.hasRootCauseInstanceOf(FileSystemException.class);
		assertOneClearMessage(output, "newsstand.redis.data-dir (NEWSSTAND_REDIS_DATADIR): cannot create the data "
				+ "directory " + file.resolve("redis"));
	}

	@Test
	void dataDirectoryInUseByAnotherInstanceIsRefused(CapturedOutput output) {
		try (TestApp first = TestApp.startEmbedded(this.tempDir)) {
			assertThatThrownBy(() -> TestApp.startEmbedded(this.tempDir))
					.hasRootCauseInstanceOf(InvalidSettingException.class);
			assertOneClearMessage(output, "is in use by another running Newsstand");
		}
	}

	private static void assertOneClearMessage(CapturedOutput output, String message) {
		assertThat(output.getAll()).contains("APPLICATION FAILED TO START").contains(message);
		assertThat(output.getAll()).as("no stack trace before or after the message").doesNotContain("\tat ");
	}

}
