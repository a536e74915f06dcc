/**
 * Readers' accounts: sign-up, password rules, password reset, changing e-mail
 * and password, deletion.
 */
@ApplicationModule
@NullMarked
package io.newsstand.web.account;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
