package io.newsstand.aggregator.internal.catalog;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * A bad catalog stops start-up with Spring Boot's short report naming the file,
 * publisher and field.
 */
class CatalogFailureAnalyzer extends AbstractFailureAnalyzer<CatalogException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, CatalogException cause) {
		return new FailureAnalysis(cause.getMessage(),
				"Fix the catalog (format in docs/catalog.md), or set newsstand.catalog (NEWSSTAND_CATALOG) to demo or world.",
				cause);
	}

}
