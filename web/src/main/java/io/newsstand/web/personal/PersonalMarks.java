package io.newsstand.web.personal;

import io.newsstand.aggregator.Topics;
import jakarta.servlet.http.HttpServletRequest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What a page needs to draw follow and save buttons for the reader who asked
 * for it: the model attribute {@code personal} of every page. It reads Redis
 * lazily and once per request (the follows on first use, each article's saved
 * state on first ask), so pages that draw no button pay nothing.
 */
public final class PersonalMarks {

	/**
	 * Request attribute: {@link Preloaded}, left by the history write of this view.
	 */
	static final String PRELOADED = PersonalMarks.class.getName() + ".preloaded";

	/** What the history script read for the article being viewed. */
	record Preloaded(String accountId, String articleId, FollowSet follows, boolean saved) {
	}

	private final @Nullable String accountId;

	private final Follows follows;

	private final SavedArticles saved;

	private @Nullable FollowSet followSet;

	private final Map<String, Boolean> savedIds = new HashMap<>();

	private final @Nullable HttpServletRequest request;

	PersonalMarks(@Nullable String accountId, Follows follows, SavedArticles saved,
			@Nullable HttpServletRequest request) {
		this.accountId = accountId;
		this.request = request;
		this.follows = follows;
		this.saved = saved;
	}

	public boolean signedIn() {
		return this.accountId != null;
	}

	/**
	 * Whether the reader follows it; {@code kind} is publisher, section or topic,
	 * the value as shown.
	 */
	public boolean following(String kind, @Nullable String value) {
		if (this.accountId == null || value == null) {
			return false;
		}
		Optional<FollowKind> parsed = FollowKind.parse(kind);
		if (parsed.isEmpty()) {
			return false;
		}
		String key = (parsed.get() == FollowKind.PUBLISHER) ? value : Topics.normalise(value).orElse("");
		return set().follows(parsed.get(), key);
	}

	public boolean muted(String publisherId) {
		return this.accountId != null && set().muted(publisherId);
	}

	public boolean saved(String articleId) {
		if (this.accountId == null) {
			return false;
		}
		if (this.followSet == null && !preloaded()) {
			// The first button of a page: follows and this article's saved state in one
			// round trip.
			this.followSet = this.follows.ofWithSaved(this.accountId, articleId, this.savedIds);
		}
		String account = this.accountId;
		return this.savedIds.computeIfAbsent(articleId, id -> this.saved.isSaved(account, id));
	}

	/** The article's topics in the form the follow buttons send. */
	public static List<String> topics(List<String> categories) {
		return Topics.of(categories);
	}

	/** Takes what this request's history write read, if it was for this reader. */
	private boolean preloaded() {
		if (this.request != null && this.request.getAttribute(PRELOADED) instanceof Preloaded preloaded
				&& preloaded.accountId().equals(this.accountId)) {
			this.followSet = preloaded.follows();
			this.savedIds.putIfAbsent(preloaded.articleId(), preloaded.saved());
			return true;
		}
		return false;
	}

	private FollowSet set() {
		if (this.followSet == null && !preloaded()) {
			this.followSet = this.follows.of(this.accountId);
		}
		return this.followSet;
	}

}
