/**
 * HTTP sessions in Redis, made cheap: a signed-in reader's request reads its
 * session once and writes it only when something changed or the idle timer
 * needs renewing.
 */
@ApplicationModule
@NullMarked
package io.newsstand.web.session;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
