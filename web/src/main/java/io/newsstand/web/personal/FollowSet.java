package io.newsstand.web.personal;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Everything one reader follows and mutes.
 *
 * @param all
 *            publishers, sections and topics, each group sorted by label
 */
public record FollowSet(List<Follow> all) {

	public static final FollowSet EMPTY = new FollowSet(List.of());

	private Map<String, Follow> byField() {
		return this.all.stream().collect(Collectors.toMap(Follow::field, Function.identity(), (a, b) -> a));
	}

	/** Whether the reader follows (not mutes) this value; values in normal form. */
	public boolean follows(FollowKind kind, String value) {
		Follow follow = byField().get(Follow.field(kind, value));
		return follow != null && !follow.muted();
	}

	public boolean muted(String publisherId) {
		Follow follow = byField().get(Follow.field(FollowKind.PUBLISHER, publisherId));
		return follow != null && follow.muted();
	}

	/** The followed (not muted) values of one kind. */
	public List<Follow> following(FollowKind kind) {
		return this.all.stream().filter(follow -> follow.kind() == kind && !follow.muted()).toList();
	}

	public List<Follow> mutedPublishers() {
		return this.all.stream().filter(Follow::muted).toList();
	}

	public Set<String> mutedIds() {
		return this.all.stream().filter(Follow::muted).map(Follow::value).collect(Collectors.toUnmodifiableSet());
	}

	public Set<String> values(FollowKind kind) {
		return following(kind).stream().map(Follow::value).collect(Collectors.toUnmodifiableSet());
	}

	public boolean isEmpty() {
		return this.all.isEmpty();
	}

}
