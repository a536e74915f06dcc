package io.newsstand.aggregator.internal.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsstand.aggregator.Article;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * How many items of the shared feed corpus ({@code ../shared/feeds}) get a lead
 * image, checked against the figure docs/images.md gives. Skipped, with a
 * message, in a clone that has no corpus next to it (the corpus is not part of
 * the repository); {@link LeadImageTest} covers every source of images on the
 * module's own fixtures.
 */
class LeadImageCorpusTest {

	private static final Pattern DOCUMENTED = Pattern
			.compile("(\\d[\\d,]*) of the corpus's ([\\d,]+) items get a lead image");

	@Test
	void theCountOfItemsWithALeadImageIsTheOneDocumented() throws IOException {
		Path corpus = CorpusTest.corpusDirectory();
		Assumptions.assumeTrue(corpus != null, "../shared/feeds absent: lead-image count skipped (a clone elsewhere)");
		FeedParser parser = new FeedParser();
		ArticleNormalizer normalizer = new ArticleNormalizer(new HtmlSanitizer());
		int items = 0;
		int withImage = 0;
		List<String> lines = Files.readAllLines(corpus.resolve("INDEX.tsv"), StandardCharsets.UTF_8);
		for (String line : lines.subList(1, lines.size())) {
			String[] columns = line.split("\t");
			if (parser.parse(CorpusTest.read(corpus.resolve(columns[0]).resolve(columns[1])),
					null) instanceof ParseOutcome.Parsed parsed) {
				List<Article> articles = normalizer
						.normalize(parsed.feed(),
								new FeedContext("corpus", "Corpus", "UK", "en", false, null, "https://feed.example/",
										Instant.parse("2030-01-01T00:00:00Z")))
						.stream().map(NormalizedArticle::article).toList();
				items += articles.size();
				withImage += (int) articles.stream().filter(article -> article.image() != null).count();
			}
		}
		System.out.printf("Lead images: %,d of the corpus's %,d items get a lead image%n", withImage, items);
		// This checkout's docs (the corpus may be another checkout's neighbour).
		Path docs = Path.of(System.getProperty("user.dir")).resolve("../docs/images.md").normalize();
		Matcher matcher = DOCUMENTED.matcher(Files.readString(docs));
		assertThat(matcher.find()).as("docs/images.md states the count").isTrue();
		assertThat(String.format("%,d of %,d", withImage, items))
				.isEqualTo(matcher.group(1) + " of " + matcher.group(2));
	}

}
