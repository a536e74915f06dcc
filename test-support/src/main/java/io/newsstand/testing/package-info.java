/**
 * Test support: a real Redis server for integration tests, isolated per test
 * class or Spring context.
 */
@NullMarked
package io.newsstand.testing;

import org.jspecify.annotations.NullMarked;
