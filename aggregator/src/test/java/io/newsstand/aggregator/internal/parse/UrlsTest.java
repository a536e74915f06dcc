package io.newsstand.aggregator.internal.parse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UrlsTest {

	@ParameterizedTest
	@CsvSource(delimiter = '|', nullValues = "null", textBlock = """
			https://a.example/x?utm_source=s&utm_campaign=c        | null            | https://a.example/x
			https://a.example/x?id=1&fbclid=f&gclid=g              | null            | https://a.example/x?id=1
			HTTPS://A.Example/Path#frag                             | null            | https://a.example/Path
			/relative/page                                          | https://b.example/feed | https://b.example/relative/page
			javascript:alert(1)                                     | https://b.example/ | null
			mailto:x@y.example                                      | null            | null
			relative-without-base                                   | null            | null
			""")
	void canonicalUrlsDropTrackingAndFragments(String link, String base, String expected) {
		assertThat(Urls.canonical(link, base)).isEqualTo(expected);
	}

}
