package io.newsstand.web.reading;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * The service worker asks for an article to keep offline with
 * {@code Newsstand-Offline: save}; the page says
 * {@code Newsstand-Offline: full} when it carries the whole text for this
 * signed-in reader, and the worker keeps nothing else. Anyone else asking so
 * gets a 403: the device keeps no teasers.
 */
final class OfflineCopy {

	static final String HEADER = "Newsstand-Offline";

	private OfflineCopy() {
	}

	static boolean requested(HttpServletRequest request) {
		return "save".equals(request.getHeader(HEADER));
	}

	static void allow(boolean fullForSignedInReader, HttpServletResponse response) {
		if (!fullForSignedInReader) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN,
					"Only a reader's own full articles are kept offline");
		}
		response.setHeader(HEADER, "full");
	}

}
