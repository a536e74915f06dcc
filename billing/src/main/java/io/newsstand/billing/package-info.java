/**
 * Plans, trials and memberships: the public API of the billing module (the rest
 * lives in {@code internal}).
 */
@NullMarked
package io.newsstand.billing;

import org.jspecify.annotations.NullMarked;
