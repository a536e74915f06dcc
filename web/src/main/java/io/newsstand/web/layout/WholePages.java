package io.newsstand.web.layout;

import gg.jte.TemplateEngine;
import gg.jte.output.Utf8ByteOutput;
import gg.jte.springframework.boot.autoconfigure.JteProperties;
import gg.jte.springframework.boot.autoconfigure.JteView;
import gg.jte.springframework.boot.autoconfigure.JteViewResolver;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.view.AbstractUrlBasedView;

/**
 * Pages are rendered into a byte buffer and written to the response in one
 * call. jte's own view writes each of a page's thousands of small pieces
 * through the response's writer, and every write passes Spring Security's and
 * Spring Session's response wrappers, which check the length written against
 * the buffer size each time: a third of a card-heavy page's render time went
 * there (a JFR profile of {@code WebLoadBenchmark}, see performance.md).
 * Replaces the starter's resolver (it backs off when one exists).
 */
@Configuration(proxyBeanMethods = false)
class WholePages {

	@Bean
	JteViewResolver jteViewResolver(TemplateEngine engine, JteProperties properties) {
		return new JteViewResolver(engine, properties) {

			@Override
			protected AbstractUrlBasedView instantiateView() {
				return new WholePageView(engine);
			}

		};
	}

	/** One page, rendered whole before the first byte goes out. */
	static final class WholePageView extends JteView {

		private final TemplateEngine engine;

		WholePageView(TemplateEngine engine) {
			super(engine);
			this.engine = engine;
		}

		@Override
		protected void renderMergedTemplateModel(Map<String, Object> model, HttpServletRequest request,
				HttpServletResponse response) throws Exception {
			Utf8ByteOutput page = new Utf8ByteOutput();
			this.engine.render(getUrl(), model, page);
			response.setCharacterEncoding(StandardCharsets.UTF_8.name());
			// One array, one write: writing the output's chunks one by one would pass
			// the wrappers' length checks per chunk again. No Content-Length here:
			// reaching a declared length commits the response at once, and Spring
			// Session then saves the session twice (one more HGETALL per page, see
			// ResponseBuffer); Tomcat adds the length when the page fits its buffer.
			response.getOutputStream().write(page.toByteArray());
		}

	}

}
