package io.newsstand.aggregator.internal.search;

/**
 * Initialises Lucene's index classes in one fixed order, once, before any of
 * them is used.
 * <p>
 * Lucene 10's {@code TestSecrets} initialises {@code ConcurrentMergeScheduler},
 * {@code SegmentReader}, {@code IndexWriter} and {@code FilterIndexInput}, and
 * each of those initialises {@code TestSecrets}. Two threads that start on
 * different ends of that cycle at the same moment (an index being opened while
 * another is read, as when two application contexts start together) wait for
 * each other's class initialisation forever; the JVM does not detect it, and
 * virtual threads stuck there hold their carriers. Starting from
 * {@code TestSecrets} on one thread initialises all of them without a cycle.
 */
final class LuceneClasses {

	static {
		try {
			Class.forName("org.apache.lucene.internal.tests.TestSecrets", true, LuceneClasses.class.getClassLoader());
		} catch (ClassNotFoundException ex) {
			// A Lucene without it has no such cycle.
		}
	}

	private LuceneClasses() {
	}

	/** Does nothing, after the class initialisation above has run once. */
	static void initialize() {
	}

}
