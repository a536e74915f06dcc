/**
 * Mail to readers: SMTP when configured, otherwise a development outbox in
 * Redis shown at /dev/outbox.
 */
@ApplicationModule
@NullMarked
package io.newsstand.web.mail;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
