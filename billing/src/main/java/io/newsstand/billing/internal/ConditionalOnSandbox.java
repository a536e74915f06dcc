package io.newsstand.billing.internal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;

/**
 * Active only when no Stripe secret key is configured, i.e. the Stripe sandbox
 * stands in for Stripe.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@ConditionalOnExpression("'${newsstand.billing.stripe-secret-key:}'.isBlank()")
public @interface ConditionalOnSandbox {

}
