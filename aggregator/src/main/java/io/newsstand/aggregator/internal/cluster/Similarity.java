package io.newsstand.aggregator.internal.cluster;

/** Exact set similarity of two sorted, distinct feature arrays. */
final class Similarity {

	private Similarity() {
	}

	/** |a ∩ b| / |a ∪ b|, 0 when both are empty. */
	static double jaccard(int[] a, int[] b) {
		int shared = shared(a, b);
		int union = a.length + b.length - shared;
		return union == 0 ? 0 : (double) shared / union;
	}

	static int shared(int[] a, int[] b) {
		int i = 0;
		int j = 0;
		int shared = 0;
		while (i < a.length && j < b.length) {
			if (a[i] == b[j]) {
				shared++;
				i++;
				j++;
			} else if (a[i] < b[j]) {
				i++;
			} else {
				j++;
			}
		}
		return shared;
	}

}
