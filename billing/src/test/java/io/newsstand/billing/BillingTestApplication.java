package io.newsstand.billing;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.security.Principal;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;

/**
 * A minimal app around the billing module for its tests: a real web server on a
 * random port, so billing reaches the Stripe sandbox over HTTP through the real
 * SDK, and the sandbox delivers webhooks back to it.
 */
@SpringBootApplication(scanBasePackages = {"io.newsstand.billing", "io.newsstand.stripesandbox"})
public class BillingTestApplication {

	/**
	 * Stands in for the web app's sign-in: the account named in this header is the
	 * request's signed-in reader ({@code getRemoteUser()}), as Spring Security
	 * makes it in the app. Only this test app has it.
	 */
	public static final String READER_HEADER = "X-Test-Reader";

	@Bean
	FilterRegistrationBean<Filter> testSignIn() {
		Filter filter = (request, response, chain) -> {
			HttpServletRequest http = (HttpServletRequest) request;
			String reader = http.getHeader(READER_HEADER);
			chain.doFilter((reader == null) ? request : new HttpServletRequestWrapper(http) {
				@Override
				public String getRemoteUser() {
					return reader;
				}

				@Override
				public Principal getUserPrincipal() {
					return () -> reader;
				}
			}, response);
		};
		return new FilterRegistrationBean<>(filter);
	}

	@Bean
	Reminders reminders() {
		return new Reminders();
	}

	/** Collects published trial reminders. */
	public static final class Reminders {

		private final List<TrialReminderDue> received = new CopyOnWriteArrayList<>();

		@EventListener
		void on(TrialReminderDue reminder) {
			this.received.add(reminder);
		}

		public List<TrialReminderDue> of(String accountId) {
			return this.received.stream().filter(reminder -> reminder.accountId().equals(accountId)).toList();
		}

	}

}
