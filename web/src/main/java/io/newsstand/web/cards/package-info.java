/**
 * Story cards: one view of a story (picture, publisher logo and name, headline,
 * standfirst, reading time, badges) that every list of stories shows through
 * the one {@code tag/card.jte} template.
 */
@ApplicationModule
@NullMarked
package io.newsstand.web.cards;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
