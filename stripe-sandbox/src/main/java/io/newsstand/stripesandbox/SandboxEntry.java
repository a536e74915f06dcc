package io.newsstand.stripesandbox;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * An object as a sandbox transaction sees it: what Redis held, what the
 * transaction made of it, and the indexes it was listed in when read (so a
 * commit knows which index entries to move).
 */
final class SandboxEntry {

	/** The JSON read from Redis; null for a new object or an absent id. */
	final @Nullable String stored;

	final @Nullable Object object;

	/** Its creation order. */
	final long sequence;

	final Set<String> indexes;

	SandboxEntry(@Nullable String stored, @Nullable Object object, long sequence) {
		this.stored = stored;
		this.object = object;
		this.sequence = sequence;
		this.indexes = (stored == null || object == null) ? Set.of() : SandboxStore.indexes(object);
	}

	boolean isNew() {
		return this.stored == null && this.object != null;
	}

}
