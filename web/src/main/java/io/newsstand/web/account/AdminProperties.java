package io.newsstand.web.account;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The first operator: set {@code NEWSSTAND_ADMIN_EMAIL} and
 * {@code NEWSSTAND_ADMIN_PASSWORD} and start the app.
 */
@ConfigurationProperties("newsstand.admin")
record AdminProperties(@Nullable String email, @Nullable String password) {
}
