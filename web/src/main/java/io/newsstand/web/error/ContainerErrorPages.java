package io.newsstand.web.error;

import io.newsstand.web.security.ProblemWriter;
import java.io.IOException;
import java.io.Writer;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * Requests Tomcat refuses before the app sees them (a {@code %00} in the path,
 * an invalid URI) get the site's own error page or problem+json by
 * {@code Accept}, not Tomcat's page: Tomcat's error report valve is replaced by
 * one that writes {@link PlainErrorPage}. Runs after Spring Boot's customizer,
 * which installs the stock valve.
 */
@Component
class ContainerErrorPages implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

	private final ProblemWriter problems;

	ContainerErrorPages(ProblemWriter problems) {
		this.problems = problems;
	}

	@Override
	public void customize(TomcatServletWebServerFactory factory) {
		factory.addContextCustomizers(context -> {
			var pipeline = context.getParent().getPipeline();
			for (Valve valve : pipeline.getValves()) {
				if (valve instanceof ErrorReportValve) {
					pipeline.removeValve(valve);
				}
			}
			pipeline.addValve(new SiteErrorReportValve(this.problems));
			// The host adds a stock valve at start unless one of this class is there.
			if (context.getParent() instanceof StandardHost host) {
				host.setErrorReportValveClass(SiteErrorReportValve.class.getName());
			}
		});
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

	static final class SiteErrorReportValve extends ErrorReportValve {

		private final ProblemWriter problems;

		SiteErrorReportValve(ProblemWriter problems) {
			this.problems = problems;
			setShowReport(false);
			setShowServerInfo(false);
		}

		@Override
		protected void report(Request request, Response response, @Nullable Throwable throwable) {
			int code = response.getStatus();
			if (code < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
				return;
			}
			HttpStatus status = HttpStatus.resolve(code);
			if (status == null) {
				status = HttpStatus.INTERNAL_SERVER_ERROR;
			}
			try {
				response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
				String accept = request.getHeader(HttpHeaders.ACCEPT);
				if (accept != null && accept.contains("json") && !accept.contains("text/html")) {
					this.problems.write(request.getRequestURI(), response.getResponse(), status,
							ErrorPagesController.Explanation.of(status).text());
				} else {
					response.setContentType(MediaType.TEXT_HTML_VALUE);
					response.setCharacterEncoding("UTF-8");
					Writer writer = response.getReporter();
					if (writer != null) {
						writer.write(PlainErrorPage.html(status));
						response.finishResponse();
					}
				}
			} catch (IOException | IllegalStateException ex) {
				// The client is gone or the response was taken; nothing more to say.
			}
		}

	}

}
