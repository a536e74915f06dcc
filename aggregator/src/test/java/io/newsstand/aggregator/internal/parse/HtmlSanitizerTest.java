package io.newsstand.aggregator.internal.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HtmlSanitizerTest {

	private final HtmlSanitizer sanitizer = new HtmlSanitizer();

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			script removed                | <p>a</p><script>alert(1)</script>                 | <p>a</p>
			style removed                 | <style>p{color:red}</style><p>a</p>               | <p>a</p>
			event handler removed         | <p onclick="x()" onmouseover="y()">a</p>          | <p>a</p>
			javascript link dropped       | <a href="javascript:alert(1)">a</a>               | <a>a</a>
			data image dropped            | <img src="data:image/png;base64,AAAA">            | ''
			form removed, text kept       | <form action="/x"><input name="q">Go</form>       | Go
			inline style removed          | <p style="position:fixed">a</p>                   | <p>a</p>
			unknown iframe removed        | <iframe src="https://evil.example/x"></iframe>    | ''
			object and embed removed      | <object data="x.swf"></object><embed src="y">ok   | ok
			control chars in scheme       | <a href="java&#9;script:alert(1)">a</a>           | <a>a</a>
			upper-case scheme             | <a href=" JAVASCRIPT:alert(1)">a</a>              | <a>a</a>
			vbscript link dropped         | <a href="vbscript:msgbox(1)">a</a>                | <a>a</a>
			script inside unknown tag     | <foo><script>x()</script>t</foo>                  | t
			svg cdata stays text          | <svg><![CDATA[<script>x()</script>]]></svg>       | &lt;script&gt;x()&lt;/script&gt;
			comment removed               | <p>a<!-- <script>x()</script> --></p>             | <p>a</p>
			nested forbidden tags         | <div><form><select><option>o</option></select></form></div> | <div>o</div>
			svg link href checked         | <svg><a href="javascript:x()">a</a></svg>         | <a>a</a>
			data link dropped             | <a href="data:text/html,x">a</a>                  | <a>a</a>
			""")
	void dangerousMarkupIsRemoved(String name, String html, String expected) {
		assertThat(this.sanitizer.sanitize(html, "https://news.example.org/a")).isEqualTo(expected);
	}

	@Test
	void relativeUrlsResolveAgainstTheBaseAndLinksGetRel() {
		assertThat(this.sanitizer.sanitize("<a href=\"/b\">b</a><img src=\"img/c.jpg\" alt=\"c\">",
				"https://news.example.org/dir/a"))
				.isEqualTo("<a href=\"https://news.example.org/b\" rel=\"nofollow noopener noreferrer\">b</a>"
						+ "<img src=\"https://news.example.org/dir/img/c.jpg\" alt=\"c\" loading=\"lazy\">");
	}

	@Test
	void protocolRelativeAndQueryOnlyUrlsResolveAgainstTheBase() {
		assertThat(this.sanitizer.sanitize("<img src=\"//cdn.example.org/i.jpg\"><a href=\"?page=2\">n</a>",
				"https://news.example.org/dir/a"))
				.isEqualTo("<img src=\"https://cdn.example.org/i.jpg\" loading=\"lazy\">"
						+ "<a href=\"https://news.example.org/dir/a?page=2\" rel=\"nofollow noopener noreferrer\">n</a>");
	}

	@Test
	void theUrlAttributeTableAgreesWithTheSafelist() {
		for (Map.Entry<String, Map<String, List<String>>> tag : HtmlSanitizer.URL_ATTRIBUTES.entrySet()) {
			for (Map.Entry<String, List<String>> attribute : tag.getValue().entrySet()) {
				Element element = new Element(Tag.valueOf(tag.getKey()), "");
				for (String protocol : List.of("http", "https", "mailto", "ftp", "javascript", "data")) {
					String url = protocol + "://x.example/a";
					element.attr(attribute.getKey(), url);
					boolean jsoup = HtmlSanitizer.SAFELIST.isSafeAttribute(tag.getKey(), element,
							element.attribute(attribute.getKey()));
					assertThat(attribute.getValue().contains(protocol))
							.as("%s %s %s", tag.getKey(), attribute.getKey(), protocol).isEqualTo(jsoup);
				}
			}
		}
	}

	@Test
	void relativeUrlsWithoutABaseAreDropped() {
		assertThat(this.sanitizer.sanitize("<img src=\"img/c.jpg\"><a href=\"/b\">b</a>", null)).isEqualTo("<a>b</a>");
	}

	@Test
	void videoIframesFromAllowedHostsStayLazyAndSandboxed() {
		assertThat(this.sanitizer.sanitize("<iframe src=\"https://www.youtube.com/embed/abc\" onload=\"x()\"></iframe>",
				null))
				.isEqualTo("<iframe src=\"https://www.youtube.com/embed/abc\" loading=\"lazy\" "
						+ "sandbox=\"allow-scripts allow-same-origin allow-presentation\"></iframe>");
	}

	/**
	 * Issue 12: {@code <iframe …/>} is not self-closing in HTML, so the parser put
	 * the rest of the article inside it, where the teaser's cut could not see it.
	 */
	@Test
	void anIframeKeepsNoChildrenAndTheArticleAfterAnUnclosedOneStaysAfterIt() {
		String html = "<p>Intro</p><iframe src=\"https://www.youtube.com/embed/abc\"/>"
				+ "<p>Second <b>para</b></p><script>x()</script><!-- note --><p>Third</p>";
		Document clean = this.sanitizer.clean(html, null);
		assertThat(clean.select("iframe")).hasSize(1).allSatisfy(iframe -> assertThat(iframe.childNodeSize()).isZero());
		assertThat(clean.body().html()).isEqualTo("<p>Intro</p><iframe src=\"https://www.youtube.com/embed/abc\" "
				+ "loading=\"lazy\" sandbox=\"allow-scripts allow-same-origin allow-presentation\"></iframe>"
				+ "<p>Second <b>para</b></p><p>Third</p>");
		assertThat(this.sanitizer.sanitize("<p>a<iframe src=\"https://evil.example/\"/>b <i>c</i></p>", null))
				.startsWith("<p>ab <i>c</i>").doesNotContain("iframe");
		assertThat(this.sanitizer.sanitize("<iframe src=\"https://player.vimeo.com/v\">fallback text</iframe>", null))
				.endsWith("></iframe>fallback text");
	}

	@Test
	void articleStructureIsKept() {
		String html = "<figure><img src=\"https://i.example/a.jpg\"><figcaption>Cap</figcaption></figure>"
				+ "<blockquote><p>q</p></blockquote><h2>Head</h2><ul><li>x</li></ul>";
		assertThat(this.sanitizer.sanitize(html, null))
				.isEqualTo("<figure><img src=\"https://i.example/a.jpg\" loading=\"lazy\"><figcaption>Cap</figcaption>"
						+ "</figure><blockquote><p>q</p></blockquote><h2>Head</h2><ul><li>x</li></ul>");
	}

}
