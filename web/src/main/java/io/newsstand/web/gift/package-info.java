/**
 * Gift articles: a member's link that opens one article in full for anyone, for
 * a limited time, counted per month and revocable by the giver.
 */
@NullMarked
package io.newsstand.web.gift;

import org.jspecify.annotations.NullMarked;
