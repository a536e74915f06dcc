package io.newsstand.aggregator.internal.search;

/** Ordering of Redis Stream entry ids ({@code <ms>-<seq>}). */
final class StreamIds {

	static final String START = "0-0";

	private StreamIds() {
	}

	static int compare(String a, String b) {
		int byTime = Long.compareUnsigned(millis(a), millis(b));
		return (byTime != 0) ? byTime : Long.compareUnsigned(sequence(a), sequence(b));
	}

	static long millis(String id) {
		int dash = id.indexOf('-');
		return Long.parseUnsignedLong((dash < 0) ? id : id.substring(0, dash));
	}

	private static long sequence(String id) {
		int dash = id.indexOf('-');
		return (dash < 0) ? 0 : Long.parseUnsignedLong(id.substring(dash + 1));
	}

}
