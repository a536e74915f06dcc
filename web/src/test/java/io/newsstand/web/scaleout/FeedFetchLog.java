package io.newsstand.web.scaleout;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Records every request for a demo feed a node serves. Each node's poller
 * fetches the demo feeds from its own loopback server, so the records say which
 * node polled which feed.
 */
@Component
public class FeedFetchLog extends OncePerRequestFilter {

	record Fetch(int nodePort, String path) {
	}

	static final List<Fetch> fetches = new CopyOnWriteArrayList<>();

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getRequestURI().startsWith("/demo/feeds/")) {
			fetches.add(new Fetch(request.getLocalPort(), request.getRequestURI()));
		}
		chain.doFilter(request, response);
	}

}
