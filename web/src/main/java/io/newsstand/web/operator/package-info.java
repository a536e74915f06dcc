/**
 * Operator views of the aggregator: feed health as JSON and as a page.
 */
@ApplicationModule
@NullMarked
package io.newsstand.web.operator;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
