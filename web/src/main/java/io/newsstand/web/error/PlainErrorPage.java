package io.newsstand.web.error;

import io.newsstand.web.error.ErrorPagesController.Explanation;
import org.springframework.http.HttpStatus;
import org.springframework.web.util.HtmlUtils;

/**
 * The site's error page written out in full, for answers given where the
 * templates cannot be used: Redis is away (their data cannot be had), or the
 * container refused the request before the app saw it.
 */
final class PlainErrorPage {

	private PlainErrorPage() {
	}

	static String html(HttpStatus status) {
		Explanation explanation = Explanation.of(status);
		String heading = HtmlUtils.htmlEscape(explanation.heading());
		return """
				<!DOCTYPE html>
				<html lang="en">
				<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
				<meta name="color-scheme" content="light dark">
				<title>%s · Newsstand</title>
				<link rel="stylesheet" href="/css/site.css"></head>
				<body>
				<a class="skip-link" href="#main">Skip to the content</a>
				<header class="masthead"><div class="masthead-inner"><a class="brand" href="/">Newsstand</a></div></header>
				<main id="main" tabindex="-1">
				<h1>%s</h1>
				<p>%s</p>
				<p class="meta">Error %d</p>
				<p><a href="/">Go to the front page</a></p>
				</main>
				<footer class="site-footer"><p>Newsstand brings hundreds of publishers together under one membership.</p></footer>
				</body>
				</html>
				"""
				.formatted(heading, heading, HtmlUtils.htmlEscape(explanation.text()), status.value());
	}

}
