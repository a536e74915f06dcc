package io.newsstand.web.personal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Saved articles and reading history as lists of teasers, for the pages and the
 * API alike. Entries whose article the store no longer has (retention) are left
 * out.
 */
@Component
class Library {

	private final SavedArticles saved;

	private final ReadingHistory history;

	private final Cards cards;

	Library(SavedArticles saved, ReadingHistory history, Cards cards) {
		this.saved = saved;
		this.history = history;
		this.cards = cards;
	}

	List<Listed> saved(String accountId, int offset, int limit) {
		List<Listed> listed = new ArrayList<>();
		for (SavedArticles.Entry entry : this.saved.list(accountId, offset, limit)) {
			this.cards.card(entry.articleId())
					.ifPresent(card -> listed.add(new Listed(card.summary(), entry.at(), true)));
		}
		return listed;
	}

	List<Listed> history(String accountId, int offset, int limit) {
		List<SavedArticles.Entry> entries = this.history.list(accountId, offset, limit);
		Set<String> savedIds = new HashSet<>();
		if (!entries.isEmpty()) {
			this.saved.list(accountId, 0, Integer.MAX_VALUE / 2).forEach(entry -> savedIds.add(entry.articleId()));
		}
		List<Listed> listed = new ArrayList<>();
		for (SavedArticles.Entry entry : entries) {
			this.cards.card(entry.articleId()).ifPresent(
					card -> listed.add(new Listed(card.summary(), entry.at(), savedIds.contains(card.id()))));
		}
		return listed;
	}

	/** Whether the article exists (saving an unknown id is refused). */
	boolean exists(String articleId) {
		return articleId.length() <= 200 && this.cards.card(articleId).isPresent();
	}

	boolean save(String accountId, String articleId) {
		return this.saved.save(accountId, articleId);
	}

	/** The saved article as listed, once saved. */
	Optional<Listed> savedOne(String accountId, String articleId) {
		return this.saved.savedAt(accountId, articleId)
				.flatMap(at -> this.cards.card(articleId).map(card -> new Listed(card.summary(), at, true)));
	}

	boolean unsave(String accountId, String articleId) {
		return this.saved.remove(accountId, articleId);
	}

	void clearSaved(String accountId) {
		this.saved.clear(accountId);
	}

	long savedCount(String accountId) {
		return this.saved.count(accountId);
	}

	long historyCount(String accountId) {
		return this.history.count(accountId);
	}

	void clearHistory(String accountId) {
		this.history.clear(accountId);
	}

}
