package io.newsstand.web.articles;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.newsstand.aggregator.Article;
import io.newsstand.aggregator.ArticleImage;
import io.newsstand.aggregator.ArticlePage;
import io.newsstand.aggregator.ArticleQuery;
import io.newsstand.aggregator.Articles;
import io.newsstand.aggregator.InvalidCursorException;
import io.newsstand.aggregator.Publisher;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

class ArticlesControllerTest {

	static final Article ARTICLE = new Article("abc123", "Harbour reopens", "https://news.example/harbour",
			"harbour-gazette", "The Harbour Gazette (sample)", "World", "AU", "Ada Writer",
			Instant.parse("2025-06-03T09:30:00Z"), Instant.parse("2025-06-03T10:00:00Z"), "The harbour reopened.",
			"<p>The harbour reopened.</p>", new ArticleImage("https://img.example/a.jpg", "Boats", "J. Doe"),
			List.of("World"), "en-AU", 3, 1, false);

	/**
	 * A hand-written stand-in for the module's service: the controller is the unit
	 * here.
	 */
	static final class FakeArticles implements Articles {

		ArticleQuery lastQuery;

		@Override
		public List<Publisher> publishers() {
			return List.of(new Publisher("harbour-gazette", "The Harbour Gazette (sample)",
					"https://example.com/harbour-gazette", "/demo/logos/harbour-gazette.svg", "AU", "en-AU", false,
					List.of("World", "Sport")));
		}

		@Override
		public Optional<Publisher> publisher(String id) {
			return publishers().stream().filter(p -> p.id().equals(id)).findFirst();
		}

		@Override
		public ArticlePage latest(ArticleQuery query) {
			this.lastQuery = query;
			if ("bad".equals(query.cursor())) {
				throw new InvalidCursorException("bad");
			}
			return new ArticlePage(List.of(ARTICLE.toSummary()), "next-1");
		}

		@Override
		public Optional<Article> article(String id) {
			return id.equals(ARTICLE.id()) ? Optional.of(ARTICLE) : Optional.empty();
		}

	}

	private final FakeArticles articles = new FakeArticles();

	private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new ArticlesController(this.articles))
			.setControllerAdvice(new ArticlesProblems()).build();

	@Test
	void publishersAreListedAsItems() throws Exception {
		this.mvc.perform(get("/api/v1/publishers")).andExpect(status().isOk())
				.andExpect(jsonPath("$.items[0].id").value("harbour-gazette"))
				.andExpect(jsonPath("$.items[0].region").value("AU"))
				.andExpect(jsonPath("$.items[0].sections[1]").value("Sport"))
				.andExpect(jsonPath("$.nextCursor").doesNotExist());
	}

	@Test
	void latestArticlesPassFiltersAndAnswerSummariesWithTheNextCursor() throws Exception {
		this.mvc.perform(get("/api/v1/articles").param("publisher", "harbour-gazette").param("section", "World")
				.param("region", "AU").param("limit", "5")).andExpect(status().isOk())
				.andExpect(jsonPath("$.items[0].id").value("abc123"))
				.andExpect(jsonPath("$.items[0].publisherName").value("The Harbour Gazette (sample)"))
				.andExpect(jsonPath("$.items[0].imageUrl").value("https://img.example/a.jpg"))
				.andExpect(jsonPath("$.items[0].publishedAt").value("2025-06-03T09:30:00Z"))
				.andExpect(jsonPath("$.items[0].body").doesNotExist())
				.andExpect(jsonPath("$.nextCursor").value("next-1"));
		Assertions.assertThat(this.articles.lastQuery)
				.isEqualTo(new ArticleQuery("harbour-gazette", "World", "AU", null, 5));
	}

	@Test
	void aTopicIsPassedOnAsTheReaderWroteIt() throws Exception {
		this.mvc.perform(get("/api/v1/articles").param("topic", "Climate Change")).andExpect(status().isOk());
		Assertions.assertThat(this.articles.lastQuery)
				.isEqualTo(new ArticleQuery(null, null, null, "Climate Change", null, ArticleQuery.DEFAULT_LIMIT));
	}

	@Test
	void aBadCursorOrLimitIsAProblemBadRequest() throws Exception {
		this.mvc.perform(get("/api/v1/articles").param("cursor", "bad")).andExpect(status().isBadRequest())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.title").value("Invalid cursor"));
		this.mvc.perform(get("/api/v1/articles").param("limit", "1000")).andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.detail").value("limit must be between 1 and 100, was 1000"));
		this.mvc.perform(get("/api/v1/articles").param("limit", "ten")).andExpect(status().isBadRequest())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
	}

}
