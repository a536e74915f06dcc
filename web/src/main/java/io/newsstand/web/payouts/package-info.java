/**
 * Publisher payouts by reading: the reading ledger (members' full reads and
 * reading time per publisher per month), the monthly statements that split each
 * member's net payment across the publishers they read, and the pages and API
 * that show them.
 */
@ApplicationModule
@NullMarked
package io.newsstand.web.payouts;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
