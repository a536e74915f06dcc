/**
 * Gift articles: a member's link that opens one article in full for anyone, for
 * a limited time, counted per month and revocable by the giver.
 */
@ApplicationModule
@NullMarked
package io.newsstand.web.gift;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
