/**
 * What every JSON API endpoint shares: {@link ApiProblem}, the error each
 * endpoint throws, and the handler that answers it (and any other error under
 * {@code /api/}) with problem+json. The endpoints live with their feature.
 */
@ApplicationModule
@NullMarked
package io.newsstand.web.api;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
