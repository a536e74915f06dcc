package io.newsstand.web.security;

import io.newsstand.aggregator.VideoHosts;
import io.newsstand.billing.Billing;
import io.newsstand.web.config.WebProperties;
import io.newsstand.web.redis.RedisFailures;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.stream.Collectors;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.RememberMeAuthenticationProvider;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.annotation.web.configurers.WebAuthnConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.RememberMeServices;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.rememberme.PersistentTokenBasedRememberMeServices;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.savedrequest.NullRequestCache;

/**
 * Two filter chains: the JSON API (stateless, bearer tokens, problem+json) and
 * the site (form sign-in, remember-me, CSRF on every form).
 * <p>
 * Anonymous readers cost no session: the CSRF token lives in a cookie and is
 * only minted when a page renders a form, the request cache is off (sign-in
 * returns to the page named in {@code next} instead), and nothing else asks for
 * a session before sign-in.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	/**
	 * No inline script or style anywhere. Pictures only from this site: every
	 * publisher's picture, in cards and inside article bodies, comes through the
	 * image proxy, so a reader's browser never tells a publisher what they read.
	 * Forms may lead (through our redirect) to Stripe's hosted checkout and portal,
	 * or to the sandbox's, which lives on the loopback address. Frames only from
	 * the video players an article may embed, loaded when the reader asks.
	 */
	static String contentSecurityPolicy(boolean sandbox) {
		String loopback = "http://127.0.0.1:* http://localhost:*";
		return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'"
				+ (sandbox ? " " + loopback : "") + "; font-src 'self'; connect-src 'self'; object-src 'none'; "
				+ "frame-src " + VIDEO_PLAYERS + "; " + "base-uri 'none'; form-action 'self' "
				+ (sandbox ? loopback : "https://checkout.stripe.com https://billing.stripe.com")
				+ "; frame-ancestors 'none'";
	}

	/** The video players, as {@code frame-src} sources, in a stable order. */
	private static final String VIDEO_PLAYERS = VideoHosts.ALL.stream().sorted().map(host -> "https://" + host)
			.collect(Collectors.joining(" "));

	static final String CSRF_COOKIE = "newsstand-csrf";

	/**
	 * What sign-out clears from the browser; cookies are the session's business.
	 */
	static final String CLEAR_SITE_DATA = "\"cache\", \"storage\"";

	static final String REMEMBER_ME_COOKIE = "newsstand-remember";

	@Bean
	PasswordEncoder passwordEncoder() {
		// bcrypt today; the {id} prefix lets a later encoder take over as readers sign
		// in.
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	AuthenticationManager authenticationManager(ReaderDetailsService readers, PasswordEncoder encoder,
			SignInThrottle throttle, RememberMeKey rememberMeKey) {
		DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(readers);
		passwords.setPasswordEncoder(encoder);
		return new ProviderManager(new ThrottledAuthenticationProvider(passwords, throttle),
				new RememberMeAuthenticationProvider(rememberMeKey.value()));
	}

	/**
	 * Persistent remember-me: each cookie is a series and a token kept in Redis
	 * ({@link RememberMeTokens}), so sign-out, a new password or a deletion revokes
	 * it (a signed cookie would sign in until it expired); {@link RememberMeLogins}
	 * keeps an outage or a just-renewed token from signing the reader out. The
	 * cookie is {@code SameSite=Lax}, and {@code Secure} when the request came over
	 * HTTPS.
	 */
	@Bean
	RememberMeServices rememberMeServices(ReaderDetailsService readers, RememberMeKey rememberMeKey,
			RememberMeTokens tokens, WebProperties properties, Clock clock) {
		PersistentTokenBasedRememberMeServices services = new RememberMeLogins(rememberMeKey.value(), readers, tokens,
				clock);
		services.setCookieName(REMEMBER_ME_COOKIE);
		services.setParameter("remember");
		services.setTokenValiditySeconds((int) properties.rememberMe().toSeconds());
		services.setCookieCustomizer(cookie -> cookie.setAttribute("SameSite", "Lax"));
		return services;
	}

	/**
	 * The CSRF token lives in a cookie, so that showing a form to an anonymous
	 * reader needs no session.
	 */
	@Bean
	CookieCsrfTokenRepository csrfTokenRepository() {
		CookieCsrfTokenRepository csrfTokens = new CookieCsrfTokenRepository();
		csrfTokens.setCookieName(CSRF_COOKIE);
		csrfTokens.setCookieCustomizer(cookie -> cookie.sameSite("Lax"));
		return csrfTokens;
	}

	/**
	 * No observations of Spring Security's own: with them, every request wrapped
	 * each of the chain's ~20 filters in an observation (a tenth of a page's CPU
	 * under load, JFR, performance.md), even with their metrics turned off. HTTP
	 * server metrics ({@code http.server.requests}) stay on.
	 */
	@Bean
	static SecurityObservationSettings securityObservationSettings() {
		return SecurityObservationSettings.noObservations();
	}

	@Bean
	ApiTokenAuthenticationFilter apiTokenAuthenticationFilter(ApiTokens tokens, AccountLookup accounts,
			ProblemWriter problems) {
		return new ApiTokenAuthenticationFilter(tokens, accounts, problems);
	}

	/**
	 * Keeps Boot from also registering the API filter for every request outside the
	 * chain.
	 */
	@Bean
	FilterRegistrationBean<ApiTokenAuthenticationFilter> apiTokenFilterRegistration(
			ApiTokenAuthenticationFilter filter) {
		var registration = new FilterRegistrationBean<>(filter);
		registration.setEnabled(false);
		return registration;
	}

	@Bean
	@Order(1)
	SecurityFilterChain api(HttpSecurity http, ApiTokenAuthenticationFilter tokens, ProblemWriter problems,
			Billing billing) throws Exception {
		http.securityMatcher("/api/**")
				.authorizeHttpRequests(requests -> requests
						.requestMatchers(HttpMethod.POST, "/api/v1/accounts", "/api/v1/auth/token").permitAll()
						.requestMatchers(HttpMethod.GET, "/api/v1/publishers", "/api/v1/publishers/**",
								"/api/v1/articles", "/api/v1/articles/**", "/api/v1/search", "/api/v1/openapi.yaml",
								"/api/v1/home", "/api/v1/gifts/*")
						.permitAll().requestMatchers("/api/v1/operator/**", "/api/v1/editor/**").hasRole("ADMIN")
						.anyRequest().authenticated())
				.addFilterBefore(tokens, UsernamePasswordAuthenticationFilter.class)
				.sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
				.securityContext(
						context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
				.requestCache(cache -> cache.requestCache(new NullRequestCache()))
				// Bearer tokens are never sent by a browser on its own, so there is nothing to
				// forge.
				.csrf(csrf -> csrf.disable()).formLogin(form -> form.disable()).httpBasic(basic -> basic.disable())
				.logout(logout -> logout.disable())
				.exceptionHandling(errors -> errors.authenticationEntryPoint((request, response, ex) -> {
					RedisFailures.rethrowIfUnavailable(ex);
					response.setHeader("WWW-Authenticate", "Bearer");
					problems.write(request, response, HttpStatus.UNAUTHORIZED,
							"Sign in first: send Authorization: Bearer <token> from POST /api/v1/auth/token.");
				}).accessDeniedHandler((request, response, ex) -> problems.write(request, response,
						HttpStatus.FORBIDDEN, "Your account may not use this endpoint.")))
				.headers(headers -> headers(headers, billing.paymentsSimulated()));
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain site(HttpSecurity http, AuthenticationManager authenticationManager,
			RememberMeServices rememberMeServices, CookieCsrfTokenRepository csrfTokens, Clock clock, Billing billing,
			Customizer<WebAuthnConfigurer<HttpSecurity>> passkeys) throws Exception {
		http.authorizeHttpRequests(requests -> requests.requestMatchers("/actuator/health", "/actuator/health/**")
				.permitAll().requestMatchers("/operator/**", "/editor/**", "/actuator/**").hasRole("ADMIN")
				.requestMatchers("/account", "/account/**", "/membership/checkout", "/membership/welcome",
						"/membership/cancel", "/following", "/saved", "/history", "/history/**", "/start", "/gifts",
						"/gifts/**", "/articles/*/gift", "/settings",
						// The Stripe sandbox's hosted pages serve only the reader they were opened for.
						"/sandbox/stripe/checkout/**", "/sandbox/stripe/portal/**")
				.authenticated().anyRequest().permitAll()).authenticationManager(authenticationManager)
				.formLogin(form -> form.loginPage("/signin").loginProcessingUrl("/signin").usernameParameter("email")
						.passwordParameter("password").successHandler(new ReturnToPageSuccessHandler())
						.failureHandler(new SignInFailureHandler(clock)).permitAll())
				.rememberMe(remember -> remember.rememberMeServices(rememberMeServices)).webAuthn(passkeys)
				// The remember-me services revoke the reader's logins and clear the cookie.
				// Clear-Site-Data empties what this browser keeps for the site (the saved
				// articles kept offline, the service worker): the next person at the device
				// finds nothing of the reader's. Sent on plain-HTTP localhost too, which
				// browsers treat as secure (Spring's writer would skip it there).
				.logout(logout -> logout.logoutUrl("/signout").logoutSuccessUrl("/?signedout").addLogoutHandler(
						(request, response, authentication) -> response.setHeader("Clear-Site-Data", CLEAR_SITE_DATA)))
				.requestCache(cache -> cache.requestCache(new NullRequestCache()))
				// Machine-to-machine only: the webhook is signed, the sandbox's API and
				// controls need its secret key (a bearer header no browser sends on its own).
				// The sandbox's hosted pages are forms like the others and carry the token.
				.csrf(csrf -> csrf.csrfTokenRepository(csrfTokens).ignoringRequestMatchers("/stripe/webhook",
						"/sandbox/stripe/v1/**", "/sandbox/stripe/_control/**"))
				.sessionManagement(sessions -> sessions.sessionFixation(fixation -> fixation.changeSessionId()))
				.exceptionHandling(errors -> errors.authenticationEntryPoint((request, response, ex) -> {
					RedisFailures.rethrowIfUnavailable(ex);
					response.sendRedirect(signInUrlReturningTo(request));
				})).headers(headers -> headers(headers, billing.paymentsSimulated()));
		return http.build();
	}

	private static void headers(HeadersConfigurer<HttpSecurity> headers, boolean sandbox) {
		headers.contentSecurityPolicy(csp -> csp.policyDirectives(contentSecurityPolicy(sandbox)))
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
				.frameOptions(frames -> frames.deny());
	}

	static String signInUrlReturningTo(HttpServletRequest request) {
		if (!"GET".equals(request.getMethod())) {
			return "/signin";
		}
		String path = request.getRequestURI()
				+ ((request.getQueryString() != null) ? "?" + request.getQueryString() : "");
		return LocalPaths.isLocal(path) ? "/signin?next=" + URLEncoder.encode(path, StandardCharsets.UTF_8) : "/signin";
	}

}
