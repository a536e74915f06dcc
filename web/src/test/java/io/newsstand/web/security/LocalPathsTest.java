package io.newsstand.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class LocalPathsTest {

	@ParameterizedTest
	@ValueSource(strings = {"/", "/account", "/articles/42?print=1", "/a/b#top"})
	void pathsOnThisSiteAreKept(String path) {
		assertThat(LocalPaths.orFrontPage(path)).isEqualTo(path);
	}

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = {"//evil.example", "/\\evil.example", "https://evil.example/", "javascript:alert(1)",
			"evil.example", "/a\r\nSet-Cookie:x", "/ a", "\\\\evil.example"})
	void anythingElseBecomesTheFrontPage(String path) {
		assertThat(LocalPaths.orFrontPage(path)).isEqualTo("/");
	}

	@Test
	void overLongPathsBecomeTheFrontPage() {
		assertThat(LocalPaths.orFrontPage("/" + "a".repeat(LocalPaths.MAX_LENGTH))).isEqualTo("/");
	}

}
