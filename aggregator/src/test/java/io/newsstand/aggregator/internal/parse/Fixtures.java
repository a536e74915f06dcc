package io.newsstand.aggregator.internal.parse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The module's own synthetic feed fixtures (src/test/resources/feeds). */
final class Fixtures {

	private Fixtures() {
	}

	static byte[] bytes(String name) {
		try (InputStream in = Fixtures.class.getResourceAsStream("/feeds/" + name)) {
			if (in == null) {
				throw new IllegalArgumentException("no fixture " + name);
			}
			return in.readAllBytes();
		} catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
