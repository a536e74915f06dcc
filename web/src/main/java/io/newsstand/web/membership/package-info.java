/**
 * Membership pages and API: plans, checkout, the welcome page, the account
 * page's membership section in plain words, self-service changes, and the
 * trial-reminder e-mail. Billing decides; this package shows and asks.
 */
@ApplicationModule
@NullMarked
package io.newsstand.web.membership;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
