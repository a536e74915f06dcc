package io.newsstand.web.personal;

/**
 * One thing a reader follows, or a publisher they muted.
 *
 * @param kind
 *            publisher, section or topic
 * @param value
 *            the publisher id, or the section's or topic's normal form
 * @param label
 *            what to show: the publisher's name, the section as the catalog
 *            spells it, the topic
 * @param muted
 *            a muted publisher (never set for sections and topics)
 */
public record Follow(FollowKind kind, String value, String label, boolean muted) {

	/** "Publisher", "Section", "Topic" or "Muted publisher". */
	public String describe() {
		if (this.muted) {
			return "Muted publisher";
		}
		String slug = this.kind.slug();
		return Character.toUpperCase(slug.charAt(0)) + slug.substring(1);
	}

	/** The hash field this follow is stored under. */
	String field() {
		return field(this.kind, this.value);
	}

	static String field(FollowKind kind, String value) {
		return kind.slug() + ":" + value;
	}

}
