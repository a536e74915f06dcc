/**
 * Passkeys: Spring Security's WebAuthn sign-in with credentials kept in Redis,
 * and the pages and API that list and remove a reader's passkeys.
 */
@ApplicationModule
@NullMarked
package io.newsstand.web.passkey;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
