package io.newsstand.stripesandbox;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Profile;

/**
 * Active only when the app's billing has no Stripe secret key and may run
 * without one: no key, no {@code require-stripe}, no {@code prod} profile. With
 * a real key, or in production, the sandbox has no beans and no routes.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@ConditionalOnExpression("'${newsstand.billing.stripe-secret-key:}'.isBlank()"
		+ " and !${newsstand.billing.require-stripe:false}")
@Profile("!prod")
@interface ConditionalOnStripeSandbox {

}
